package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/raftlab/raftlab/playground"
)

// parseInterspersed parses flags that may come before or after the
// positional arguments, which the flag package alone does not allow.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func runScenario(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("raftsim run", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	asJSON := fs.Bool("json", false, "print the result document as JSON")
	events := fs.String("events", "", "write the trace as JSON Lines to this file")
	seed := fs.Int64("seed", 0, "override the scenario's seed")
	until := fs.Int64("until", -1, "override the scenario's end time (ms)")
	report := fs.String("report", "", "write porcupine's linearizability report (HTML) to this file")
	pos, err := parseInterspersed(fs, args)
	if err != nil || len(pos) != 1 {
		if err == nil {
			err = fmt.Errorf("want exactly one scenario file, got %d", len(pos))
		}
		fmt.Fprintf(stderr, "raftsim run: %v\n%s", err, usage)
		return 2
	}
	file := pos[0]
	data, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintf(stderr, "raftsim: %v\n", err)
		return 2
	}
	sc, err := playground.ParseScenario(data)
	if err != nil {
		fmt.Fprintf(stderr, "raftsim: %s: %v\n", file, err)
		return 2
	}
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "seed":
			sc.Settings.Seed = *seed
		case "until":
			sc.Until = *until
		}
	})
	if sc.Until < 0 {
		fmt.Fprintf(stderr, "raftsim: --until must not be negative\n")
		return 2
	}
	w, err := sc.NewWorld()
	if err != nil {
		fmt.Fprintf(stderr, "raftsim: %s: %v\n", file, err)
		return 2
	}
	sess := playground.NewSession(w, sc.Steps)
	if *events == "" {
		sess.DiscardTrace() // nobody reads it: a third faster
	}
	sess.RunUntil(sc.Until)
	w = sess.World()
	res := w.Result(sc.Name)
	if *events != "" {
		if err := writeEvents(*events, w.Trace()); err != nil {
			fmt.Fprintf(stderr, "raftsim: %v\n", err)
			return 2
		}
	}
	if *report != "" {
		if err := res.WriteReport(*report); err != nil {
			fmt.Fprintf(stderr, "raftsim: %v\n", err)
			return 2
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(res); err != nil {
			fmt.Fprintf(stderr, "raftsim: %v\n", err)
			return 2
		}
	} else {
		printSummary(stdout, res)
	}
	if !res.OK() {
		return 1
	}
	return 0
}

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

func writeEvents(path string, trace []playground.Event) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	enc := json.NewEncoder(bw)
	for _, e := range trace {
		line := eventLine{AtMs: e.AtMs, Type: e.Type.String(), Node: uint64(e.Node), Peer: uint64(e.Peer), Term: e.Term, Index: e.Index, Msg: e.Msg, Text: e.Text()}
		if err := enc.Encode(line); err != nil {
			f.Close()
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func printSummary(w io.Writer, r playground.RunResult) {
	fmt.Fprintf(w, "%s (seed %d), ended at %d ms\n\n", r.Name, r.Seed, r.EndMs)
	fmt.Fprintf(w, "  node  state         term  commit  applied  last  log (terms)\n")
	for _, n := range r.Nodes {
		fmt.Fprintf(w, "  S%-3d  %-12s  %4d  %6d  %7d  %4d  %s\n", n.ID, n.Role, n.Term, n.CommitIndex, n.AppliedIndex, n.LastIndex, logSummary(n))
	}
	fmt.Fprintln(w)
	for _, e := range r.Expectations {
		mark := "ok  "
		if !e.OK {
			mark = "FAIL"
		}
		fmt.Fprintf(w, "  %s at %6d ms  %s\n", mark, e.At, e.Message)
	}
	if len(r.Violations) == 0 {
		fmt.Fprintf(w, "  no safety violations\n")
	}
	for _, v := range r.Violations {
		fmt.Fprintf(w, "  VIOLATION at %d ms: %s: %s\n", v.AtMs, v.Property, v.Message)
	}
	for _, v := range r.StaleReads {
		fmt.Fprintf(w, "  STALE READ at %d ms: %s\n", v.AtMs, v.Message)
	}
	done := 0
	for _, h := range r.History {
		if h.ReturnMs != nil {
			done++
		}
	}
	fmt.Fprintf(w, "  %d client calls (%d returned), linearizability: %s\n", len(r.History), done, r.Verdict)
	s := r.Stats
	total := 0
	for _, c := range s.MessagesSent {
		total += c
	}
	fmt.Fprintf(w, "  %d messages sent, %d delivered, %d dropped; %d elections, %d leader changes\n",
		total, s.MessagesDelivered, s.MessagesDropped, s.Elections, s.LeaderChanges)
}

// logSummary writes a log as its terms, eliding the middle of long logs.
func logSummary(n playground.NodeResult) string {
	var parts []string
	if n.SnapshotIndex > 0 {
		parts = append(parts, fmt.Sprintf("[snapshot ..%d]", n.SnapshotIndex))
	}
	log := n.Log
	if len(log) > 24 {
		for _, e := range log[:8] {
			parts = append(parts, fmt.Sprint(e.Term))
		}
		parts = append(parts, fmt.Sprintf("…(%d)…", len(log)-16))
		log = log[len(log)-8:]
	}
	for _, e := range log {
		parts = append(parts, fmt.Sprint(e.Term))
	}
	return strings.Join(parts, " ")
}
