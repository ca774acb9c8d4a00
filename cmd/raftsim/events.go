package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"

	"github.com/raftlab/raftlab/playground"
)

// eventLine is one line of the JSON Lines trace.
type eventLine struct {
	AtMs  int64  `json:"atMs"`
	Type  string `json:"type"`
	Node  uint64 `json:"node,omitempty"`
	Peer  uint64 `json:"peer,omitempty"`
	Term  uint64 `json:"term,omitempty"`
	Index uint64 `json:"index,omitempty"`
	Msg   uint64 `json:"msg,omitempty"`
	Text  string `json:"text"`
}

// The trace is written as the run goes, eventChunkMs of virtual time at a
// time, while the world keeps only the newest eventWindow events: memory
// stays bounded however long the run (an hour of nine servers that
// heartbeat every millisecond is half a billion events). A chunk holds far
// fewer events than the window: about 150 a millisecond at the busiest.
const (
	eventWindow  = 1 << 16
	eventChunkMs = 50
)

// runWritingEvents runs the session to until, writing every event of the
// run to path as JSON Lines.
func runWritingEvents(sess *playground.Session, until int64, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	enc := json.NewEncoder(bw)
	sess.SetTraceWindow(eventWindow)
	next := 0
	for {
		t := min(sess.Now()+eventChunkMs, until)
		sess.RunUntil(t)
		w := sess.World()
		if w.TraceStart() > next {
			// (A bug, not bad input: the window is far wider than a chunk.)
			panic(fmt.Sprintf("events %d to %d were dropped before they were written", next, w.TraceStart()-1))
		}
		for ; next < w.TraceLen(); next++ {
			e := w.EventAt(next)
			line := eventLine{AtMs: e.AtMs, Type: e.Type.String(), Node: uint64(e.Node), Peer: uint64(e.Peer), Term: e.Term, Index: e.Index, Msg: e.Msg, Text: e.Text()}
			if err := enc.Encode(line); err != nil {
				f.Close()
				return err
			}
		}
		if t >= until {
			break
		}
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
