package playground

import (
	"maps"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// StaleRead is a read the check found stale: a read of key K is stale when
// a write of K that changed the store (a put, a successful cas, a delete
// that found its key) had been acknowledged to its client before the read
// was sent, and has a higher revision than the store that answered the
// read. Every change increments the revision, in log order, so that store
// had not applied the write. Only answered reads are judged.
type StaleRead struct {
	Violation
	// Call is the read's index in History.
	Call int
}

// readCheck keeps what the check of reads needs: per key, the acknowledged
// write with the highest revision, which a read sent now must see.
type readCheck struct {
	acked map[string]ackedWrite
	// mustSee is, for each read not yet answered (by its index in
	// History), the acknowledged write of its key that it must see.
	mustSee map[int]ackedWrite
	stale   []StaleRead
}

// ackedWrite is an acknowledged write: its revision and its index in
// History (a zero revision: none).
type ackedWrite struct {
	revision int64
	call     int
}

func newReadCheck() readCheck {
	return readCheck{acked: map[string]ackedWrite{}, mustSee: map[int]ackedWrite{}}
}

func (r *readCheck) clone() readCheck {
	return readCheck{acked: maps.Clone(r.acked), mustSee: maps.Clone(r.mustSee), stale: r.stale[:len(r.stale):len(r.stale)]}
}

// onCall notes, for read i just sent, the write it must see.
func (r *readCheck) onCall(i int, call *view.Call) {
	if call.Cmd.Op == view.OpGet {
		r.mustSee[i] = r.acked[call.Cmd.Key]
	}
}

// onReturn judges call i, just answered by node from: a write that changed
// the store raises what later reads of its key must see; a read is stale
// when its store's revision is below what it had to see.
func (w *World) onReturn(i int, call *view.Call, from raft.ID) {
	r := &w.check.reads
	switch {
	case call.Cmd.Op == view.OpGet:
		must := r.mustSee[i]
		delete(r.mustSee, i)
		if call.Result.Revision >= must.revision {
			return
		}
		missed := w.history.get(must.call)
		v := StaleRead{Call: i, Violation: Violation{AtMs: w.now, Property: view.NoStaleReads, Nodes: []raft.ID{from},
			key: "safety.broken.stale-read", args: []any{call.Client, call.Cmd.String(), from, call.Result.Revision, missed.Cmd.String(), must.revision}}}
		v.Message = v.MessageIn(i18n.English)
		r.stale = append(r.stale, v)
		w.emit(Event{Type: view.EvViolation, Node: from, Client: call.Client, Note: view.NoStaleReads + ": " + v.Message, Key: "safety.violation", Args: []any{propertyArg(view.NoStaleReads), v.Violation}})
	case changedStore(call) && call.Result.Revision > r.acked[call.Cmd.Key].revision:
		r.acked[call.Cmd.Key] = ackedWrite{revision: call.Result.Revision, call: i}
	}
}

// changedStore reports whether an answered write changed the store.
func changedStore(call *view.Call) bool {
	switch call.Cmd.Op {
	case view.OpPut, view.OpCAS:
		return call.Result.OK
	case view.OpDelete:
		return call.Result.Found
	}
	return false
}

// StaleReads lists the stale reads found so far, in the order their
// clients got them. They are not Violations: Raft can be safe while a
// read is stale.
func (w *World) StaleReads() []StaleRead { return w.check.reads.stale }
