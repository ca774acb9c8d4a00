package view

import "github.com/raftlab/raftlab/playground/i18n"

// LinOp is a client operation as the explanation of a linearizability
// failure shows it: who called what, when, and what came back.
type LinOp struct {
	// Call is its index in the history.
	Call   int
	Client int
	Cmd    Command
	// CallMs is when it was invoked. A call that returned (Done) did so at
	// ReturnMs with Result; a write that never returned but took effect
	// is judged with its effect as Result, and ReturnMs is -1.
	CallMs, ReturnMs int64
	Done             bool
	Result           Result
	// Core marks the operations that cannot be put in any order: the
	// smallest set the explanation found.
	Core bool
}

// LinExplanation says why a client history is not linearizable: the
// operations on the key whose history fails, with the ones that cannot be
// ordered marked, and a sentence. Verdict is the check's verdict ("ok",
// "illegal", "unknown" when it ran out of budget); the rest is set only
// when it is "illegal".
type LinExplanation struct {
	Verdict string
	Key     string
	// Ops are the key's operations around the marked ones, in call order.
	Ops []LinOp
	// Focus is the index in Ops of the operation that broke the history
	// (the read that came back wrong, most often): where a click jumps.
	Focus int
	Why   i18n.Message
}

// Illegal reports whether e explains a failure.
func (e *LinExplanation) Illegal() bool { return e.Verdict == "illegal" && len(e.Ops) > 0 }

// ResultMsg is what the call returned, as the feed says it.
func (o LinOp) ResultMsg() i18n.Message {
	r := o.Result
	switch {
	case (o.Cmd.Op == OpGet || o.Cmd.Op == OpDelete) && !r.Found:
		return i18n.Msg("feed.result.not-found")
	case o.Cmd.Op == OpGet:
		return i18n.Msg("feed.result.value", r.Value)
	case o.Cmd.Op == OpCAS && !r.OK:
		return i18n.Msg("feed.result.cas-failed", r.Value)
	}
	return i18n.Msg("feed.result.ok")
}

// Line is the call in a line: who called what, what came back, and when.
func (o LinOp) Line(lang i18n.Lang) string {
	if !o.Done {
		return lang.T("lin.op.open", o.Client, o.Cmd.String(), o.ResultMsg().In(lang), float64(o.CallMs)/1000)
	}
	return lang.T("lin.op", o.Client, o.Cmd.String(), o.ResultMsg().In(lang), float64(o.CallMs)/1000, float64(o.ReturnMs)/1000)
}
