package playground

import (
	"fmt"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// kvInput is a call as porcupine sees it; its answer is a Result.
type kvInput struct {
	Op    view.Op
	Key   string
	Value string
	From  string
}

type kvState struct {
	value  string
	exists bool
}

// kvModel is the sequential specification of one key of the store, for
// porcupine's report (the verdict is checkOps'); histories are checked key
// by key.
var kvModel = porcupine.Model{
	Partition: func(history []porcupine.Operation) [][]porcupine.Operation {
		byKey := map[string]int{}
		var parts [][]porcupine.Operation
		for _, op := range history {
			k := op.Input.(kvInput).Key
			i, ok := byKey[k]
			if !ok {
				i = len(parts)
				byKey[k] = i
				parts = append(parts, nil)
			}
			parts[i] = append(parts[i], op)
		}
		return parts
	},
	Init: func() any { return kvState{} },
	Step: func(state, input, output any) (bool, any) {
		in, out := input.(kvInput), output.(view.Result)
		o := linOp{op: in.Op, value: in.Value, from: in.From, out: out}
		ok, next := o.step(state.(kvState))
		return ok, next
	},
	DescribeOperation: func(input, output any) string {
		in, out := input.(kvInput), output.(view.Result)
		c := view.Command{Op: in.Op, Key: in.Key, Value: in.Value, From: in.From}
		return c.String() + " → " + describeResult(i18n.English, in.Op, out)
	},
	DescribeState: func(state any) string {
		s := state.(kvState)
		if !s.exists {
			return "(none)"
		}
		return fmt.Sprintf("%q", s.value)
	},
}

// Linearizability is the verdict on a history: "ok", "illegal", or
// "unknown" when the checker ran out of its work budget (checkBudget),
// which happens at the same point on every machine.
type Linearizability string

// settle gives a call as the checkers see it: its result, its return time,
// and whether it is checked at all. A call that never returned is settled
// with what the simulation knows: a write that some node applied took
// effect at some moment after its call, with the result it had there, so it
// gets that result and a return time after everything else; a write that no
// node applied never happened, and a read that never returned says nothing:
// both are left out. (Without this, each write of unknown outcome doubles
// the checker's search.)
func settle(c *view.Call, end int64) (*view.Result, int64, bool) {
	if c.Done {
		return &c.Result, c.ReturnMs, true
	}
	return &c.Effect, end + 1, c.Applied
}

// operations turns the client history into porcupine operations, settled.
func operations(history []view.Call, end int64) []porcupine.Operation {
	var ops []porcupine.Operation
	for i := range history {
		c := &history[i]
		out, ret, ok := settle(c, end)
		if !ok {
			continue
		}
		in := kvInput{Op: c.Cmd.Op, Key: c.Cmd.Key, Value: c.Cmd.Value, From: c.Cmd.From}
		// Times are scaled so that a call and a return at the same
		// millisecond keep their order: calls first.
		ops = append(ops, porcupine.Operation{ClientId: c.Client - 1, Input: in, Output: *out, Call: c.CallMs * 2, Return: ret*2 + 1})
	}
	return ops
}

// LinearizabilityVerdict checks the world's client history against the
// key-value model, within checkBudget.
func (w *World) LinearizabilityVerdict() Linearizability {
	return checkOps(linParts(w.history.n, w.history.get, w.now), checkBudget)
}

// WriteHistoryReport writes porcupine's interactive HTML view of a client
// history that ended at end: porcupine's search, within checkTimeout, then
// its report. A run's result can keep its history and pay for this search
// only when a report is asked for.
func WriteHistoryReport(history []view.Call, end int64, path string) error {
	_, info := porcupine.CheckOperationsVerbose(kvModel, operations(history, end), checkTimeout)
	return porcupine.VisualizePath(kvModel, info, path)
}

// checkTimeout bounds porcupine's search for a report.
const checkTimeout = 10 * time.Second
