package lessons

import (
	"slices"
	"strings"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// param is the kind of an atom's argument.
type param uint8

const (
	pNode param = iota
	pIndex
	pMsg
	pRole
	pKey
)

// arg is an argument as parsed: which of its fields is set depends on its
// kind.
type arg struct {
	kind param
	id   raft.ID
	// ref is "leader" (the leader now) or "leaderAtStart".
	ref  string
	n    uint64
	msg  int
	role raft.Role
	// key is a key of the key-value store.
	key  string
	text string
}

// heartbeatMsg is the pseudo message type of sent(heartbeat):
// AppendEntries without entries.
const heartbeatMsg = int(raft.MsgTimeoutNow) + 1

var msgNames = func() [heartbeatMsg + 1]string {
	var n [heartbeatMsg + 1]string
	for _, t := range raft.MessageTypes {
		n[t] = t.String()
	}
	n[heartbeatMsg] = "heartbeat"
	return n
}()

// paramKind is how the parser reads one kind of argument: read fills a
// from token t or reports false, and expected says what the error names
// as expected instead of t.
type paramKind struct {
	read     func(p *predParser, t token, a *arg) bool
	expected func(p *predParser, t token) i18n.Message
}

// paramKinds has one row per kind of argument, so that reading a kind and
// the error for a token that is not of it are written side by side.
var paramKinds = [...]paramKind{
	pNode:  {readNode, expectNode},
	pIndex: {readIndex, expect("lessons.predicate.arg.index")},
	pMsg:   {readMsg, expectMsg},
	pRole:  {readRole, expect("lessons.predicate.arg.role")},
	pKey:   {readKey, expect("lessons.predicate.arg.key")},
}

// argOf reads token t as an argument of the given kind, or reports false.
func (p *predParser) argOf(kind param, t token) (arg, bool) {
	a := arg{kind: kind, text: t.text}
	if !paramKinds[kind].read(p, t, &a) {
		return arg{}, false
	}
	return a, true
}

// expected says what an argument of the given kind is, for the error
// about token t.
func (p *predParser) expected(kind param, t token) i18n.Message {
	return paramKinds[kind].expected(p, t)
}

// readNode reads a server: a number the step may name, leader or
// leaderAtStart.
func readNode(p *predParser, t token, a *arg) bool {
	switch {
	case t.kind == tNum && !t.unit:
		a.id = raft.ID(t.num)
		return t.num >= 1 && t.num <= view.MaxNodes && p.ids.has(a.id)
	case t.kind == tIdent && (t.text == "leader" || t.text == "leaderAtStart"):
		a.ref = t.text
		return true
	}
	return false
}

// expectNode names the servers the step may name; for a number, as one
// that is not among them.
func expectNode(p *predParser, t token) i18n.Message {
	if t.kind == tNum && !t.unit {
		return msg("lessons.predicate.arg.server", p.ids.describe())
	}
	return msg("lessons.predicate.arg.node", p.ids.describe())
}

// readIndex reads a log index: a whole number from 1.
func readIndex(_ *predParser, t token, a *arg) bool {
	a.n = uint64(t.num)
	return t.kind == tNum && !t.unit && t.num >= 1
}

// readMsg reads a message type, in any case; the argument's text becomes
// the type's own spelling.
func readMsg(_ *predParser, t token, a *arg) bool {
	if t.kind != tIdent {
		return false
	}
	for k, name := range msgNames {
		if name != "" && strings.EqualFold(name, t.text) {
			a.msg, a.text = k, name
			return true
		}
	}
	return false
}

// expectMsg lists the message types.
func expectMsg(*predParser, token) i18n.Message {
	return msg("lessons.predicate.arg.message", strings.Join(slices.DeleteFunc(slices.Clone(msgNames[:]), func(s string) bool { return s == "" }), ", "))
}

// readRole reads a role, in any case; pre-candidate may also be written
// with its hyphen, as the glossary writes it.
func readRole(_ *predParser, t token, a *arg) bool {
	if t.kind != tIdent {
		return false
	}
	for _, r := range []raft.Role{raft.Follower, raft.PreCandidate, raft.Candidate, raft.Leader} {
		if strings.EqualFold(t.text, r.String()) || (r == raft.PreCandidate && strings.EqualFold(t.text, "pre-candidate")) {
			a.role = r
			return true
		}
	}
	return false
}

// readKey reads a key of the store, written as it is: x, user-1, 42.
func readKey(_ *predParser, t token, a *arg) bool {
	a.key = t.text
	return (t.kind == tIdent || t.kind == tNum) && !t.unit
}

// expect is an expectation that does not depend on the token.
func expect(key string) func(*predParser, token) i18n.Message {
	return func(*predParser, token) i18n.Message { return msg(key) }
}
