package playground

import (
	"strings"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// Client is a client of the cluster. It has at most one call outstanding,
// finds the leader by following redirects and retries on timeouts.
type Client struct {
	ID int
	// seq numbers the client's requests.
	seq uint64
	// call is the index in the world's history of the outstanding call, or
	// -1 when the client is idle.
	call int
	// target is the node the current attempt went to; guess the node the
	// client believes leads.
	target raft.ID
	guess  raft.ID
	// gen tells the current attempt's timeout from stale ones.
	gen uint64
	// calls holds the history index of each of the client's calls, by
	// sequence number (seq 1 at index 0).
	calls chunkList[int]
	// why and from tell, while the client backs off, why its next attempt
	// is a retry and which node turned the last one away.
	why  clientNote
	from raft.ID
	// stats counts what befell the client's requests.
	stats ClientStats
}

// ClientStats counts what befell the clients' requests in a run, for the
// lessons (a timeout is not a failure; a retry can apply a write twice).
type ClientStats struct {
	// Retries counts the attempts after a call's first: after a timeout,
	// a redirect or a refusal.
	Retries int
	// Timeouts counts the attempts that went unanswered for
	// attemptTimeoutMs.
	Timeouts int
	// Redirects counts the redirects clients received that named a
	// leader.
	Redirects int
	// Duplicates counts the log entries that repeat a client's write
	// (its client and sequence number) and that a store applied again,
	// which only a store without client sessions does. Each entry counts
	// once, when the first server applies it.
	Duplicates int
}

// ClientStats sums what befell every client's requests so far.
func (w *World) ClientStats() ClientStats {
	var t ClientStats
	for i := range w.clients {
		s := &w.clients[i].stats
		t.Retries += s.Retries
		t.Timeouts += s.Timeouts
		t.Redirects += s.Redirects
		t.Duplicates += s.Duplicates
	}
	return t
}

const (
	// attemptTimeoutMs is how long a client waits for an answer before it
	// tries another node.
	attemptTimeoutMs = 1000
	// backoffMs is how long a client waits after a node that knows no
	// leader turned it away: an election is probably under way.
	backoffMs = 100
	// giveUpMs bounds how long a client tries one call; after that its
	// outcome is unknown.
	giveUpMs = 10_000
)

// Submit has a client invoke cmd, sent to node (or to whoever the client
// believes leads, when node is None). An idle client takes it, or a new
// client if all are busy. It returns the call's index in History.
func (w *World) Submit(cmd view.Command, node raft.ID, read view.ReadMode) int {
	ci := -1
	for i := range w.clients {
		if w.clients[i].call < 0 {
			ci = i
			break
		}
	}
	if ci < 0 {
		w.clients = append(w.clients, Client{ID: len(w.clients) + 1, call: -1})
		ci = len(w.clients) - 1
	}
	c := &w.clients[ci]
	c.seq++
	cmd.Client, cmd.Seq = c.ID, c.seq
	call := view.Call{Client: c.ID, Cmd: cmd, Read: read, Node: view.ID(node), CallMs: w.now, ReturnMs: -1}
	c.call = w.history.add(call)
	w.check.reads.onCall(c.call, &call)
	c.calls.push(c.call)
	target, note := node, noteCall
	if target == raft.None {
		target, note = w.pickNode(c.guess, raft.None), noteCallNoLeader
		if target == c.guess {
			note = noteCallGuess
		}
	}
	w.emitClient(view.EvClientCall, note, c.call, target)
	w.attempt(c, target, noClientNote, raft.None)
	return c.call
}

// pickNode chooses where a client sends a request: its guess if that node
// exists, otherwise the next existing node after the one that failed.
func (w *World) pickNode(guess, failed raft.ID) raft.ID {
	if guess != raft.None && guess != failed && w.nodes[guess] != nil && !w.nodes[guess].Removed {
		return guess
	}
	for i := range raft.ID(view.MaxNodes) {
		id := (failed+i)%view.MaxNodes + 1
		if n := w.nodes[id]; n != nil && !n.Removed {
			return id
		}
	}
	return 1
}

// attempt sends the client's outstanding request to a node. Every attempt
// after the first is a retry, which the trace tells: why says how the last
// attempt, at node from, failed.
func (w *World) attempt(c *Client, to raft.ID, why clientNote, from raft.ID) {
	call := w.history.get(c.call)
	call.Attempts++
	w.history.set(c.call, call)
	if call.Attempts > 1 {
		c.stats.Retries++
		w.emitRetry(why, c.call, from, to, call.Attempts)
	}
	c.target = to
	c.gen++
	f := w.newFlight()
	f.Kind, f.To, f.Client, f.Request = view.FlightRequest, to, c.ID, &Request{Cmd: call.Cmd, Read: call.Read}
	w.launch(f)
	w.scheduleAfter(laneAttempt, event{kind: evClientTimeout, id: uint64(c.ID), gen: c.gen})
}

// retry sends the outstanding request to next, or gives up; why and from
// say how the last attempt failed.
func (w *World) retry(c *Client, next raft.ID, why clientNote, from raft.ID) {
	if w.now-w.history.rec(c.call).callMs >= giveUpMs {
		w.emitClient(view.EvClientReturn, noteGaveUp, c.call, raft.None)
		c.call = -1
		return
	}
	w.attempt(c, next, why, from)
}

// clientTimeout fires when an attempt went unanswered, or when a client's
// backoff is over (then to is where it retries).
func (w *World) clientTimeout(id int, gen uint64, to raft.ID) {
	if id < 1 || id > len(w.clients) {
		return
	}
	c := &w.clients[id-1]
	if c.call < 0 || c.gen != gen {
		return
	}
	if to == raft.None {
		c.stats.Timeouts++
		c.guess = raft.None
		w.retry(c, w.pickNode(raft.None, c.target), noteRetryTimeout, c.target)
		return
	}
	w.retry(c, to, c.why, c.from)
}

// clientReceive handles a node's reply at its client.
func (w *World) clientReceive(f *Flight) {
	if f.Client < 1 || f.Client > len(w.clients) {
		return
	}
	c := &w.clients[f.Client-1]
	if c.call < 0 || w.history.rec(c.call).seq != f.Reply.Seq {
		return // an answer to an earlier attempt of a finished call
	}
	if f.Reply.Redirect {
		c.guess = raft.ID(f.Reply.Leader)
		if c.guess == f.From {
			c.guess = raft.None
		}
		next := w.pickNode(c.guess, f.From)
		if c.guess != raft.None {
			c.stats.Redirects++
			w.retry(c, next, noteRetryRedirect, f.From)
			return
		}
		// Nobody knows a leader: wait a little before asking the next node.
		c.why, c.from = noteRetryNoLeader, f.From
		if f.Reply.Refused != "" {
			c.why = noteRetryRefused
		}
		c.gen++
		w.scheduleAfter(laneBackoff, event{kind: evClientTimeout, id: uint64(c.ID), gen: c.gen, node: next})
		return
	}
	call := w.history.get(c.call)
	call.Done, call.ReturnMs, call.Result = true, w.now, f.Reply.Result
	w.history.set(c.call, call)
	c.guess = f.From
	w.emitClient(view.EvClientReturn, noteReturn, c.call, f.From)
	w.onReturn(c.call, &call, f.From)
	c.call = -1
}

// callResult is what a call got, as an argument of a feed sentence.
type callResult struct {
	op  view.Op
	res view.Result
}

// describeResult says what a call got, in a language.
func describeResult(lang i18n.Lang, op view.Op, r view.Result) string {
	switch {
	case op == view.OpGet && !r.Found:
		return lang.T("feed.result.not-found")
	case op == view.OpGet:
		return lang.T("feed.result.value", r.Value)
	case op == view.OpCAS && !r.OK:
		return lang.T("feed.result.cas-failed", r.Value)
	}
	return lang.T("feed.result.ok")
}

// reply sends a node's answer to a client.
func (w *World) reply(n *Node, client int, r view.Reply) {
	f := w.newFlight()
	f.Kind, f.From, f.Client, f.Reply = view.FlightReply, n.ID, client, &r
	w.launch(f)
}

func (w *World) redirect(n *Node, client int, seq uint64) {
	leader := n.Raft.Leader()
	if leader == n.ID {
		leader = raft.None
	}
	w.reply(n, client, view.Reply{Seq: seq, Redirect: true, Leader: view.ID(leader)})
}

// refuse turns a request away at a leader that cannot take it now (a
// transfer under way, no commit in its term yet...), saying why; the
// client tries again later, as after a redirect to nobody.
func (w *World) refuse(n *Node, client int, seq uint64, why error) {
	w.reply(n, client, view.Reply{Seq: seq, Redirect: true, Refused: strings.TrimPrefix(why.Error(), "raft: ")})
}

// serve handles a client request at node n.
func (w *World) serve(n *Node, f *Flight) {
	cmd, mode := f.Request.Cmd, f.Request.Read
	if cmd.Op == view.OpGet && mode == view.LocalRead {
		w.reply(n, cmd.Client, view.Reply{Seq: cmd.Seq, Result: n.KV.Read(cmd.Key)})
		return
	}
	if n.Raft.Role() != raft.Leader {
		w.redirect(n, cmd.Client, cmd.Seq)
		return
	}
	if cmd.Op == view.OpGet {
		n.readSeq++
		rm := raft.ReadIndex
		if mode == view.LeaseRead {
			rm = raft.ReadLease
		}
		if err := n.Raft.ReadIndex(n.readSeq, rm); err != nil {
			w.refuse(n, cmd.Client, cmd.Seq, err)
			return
		}
		n.reads[n.readSeq] = pendingRead{client: cmd.Client, seq: cmd.Seq, key: cmd.Key}
		return
	}
	index, term, err := n.Raft.Propose(EncodeCommand(cmd))
	if err != nil {
		w.refuse(n, cmd.Client, cmd.Seq, err)
		return
	}
	n.writes = append(n.writes, pendingWrite{index: index, term: term, client: cmd.Client, seq: cmd.Seq})
}

// answerWrite replies to the client whose write n just applied, if n took
// the request. An entry of another term at that index means the write was
// lost with its leader: the client is told to retry.
func (w *World) answerWrite(n *Node, e raft.Entry, c view.Command, res view.Result) {
	for i, pw := range n.writes {
		if pw.index != e.Index {
			continue
		}
		n.writes = append(n.writes[:i], n.writes[i+1:]...)
		if pw.term == e.Term {
			w.reply(n, pw.client, view.Reply{Seq: pw.seq, Result: res})
		} else {
			w.redirect(n, pw.client, pw.seq)
		}
		return
	}
}

// failWrites tells the clients of a deposed leader's writes to retry
// elsewhere; their entries may still commit, and a retry then repeats
// them (harmless with client sessions, see KV.Apply).
func (w *World) failWrites(n *Node) {
	for _, pw := range n.writes {
		w.redirect(n, pw.client, pw.seq)
	}
	n.writes = nil
}

// answerRead answers a read that Raft has confirmed (or failed).
func (w *World) answerRead(n *Node, rs raft.ReadState) {
	pr, ok := n.reads[rs.ID]
	if !ok {
		return
	}
	delete(n.reads, rs.ID)
	if rs.Failed {
		w.redirect(n, pr.client, pr.seq)
		return
	}
	w.reply(n, pr.client, view.Reply{Seq: pr.seq, Result: n.KV.Read(pr.key)})
}

// applyWrite applies a committed client write to n's store, and answers
// its client if n took the request. The first server to apply the entry
// tells the trace when it repeats a write the store had applied: a client
// sent it again, not knowing the first one had committed.
func (w *World) applyWrite(n *Node, e raft.Entry, c view.Command) {
	res, repeat := n.KV.Apply(c, w.settings.ClientSessions)
	if repeat && e.Index > w.check.firstApplied {
		if w.settings.ClientSessions {
			w.emit(Event{Type: view.EvNote, Node: n.ID, Index: e.Index, Client: c.Client,
				Key: "feed.write.skipped", Args: []any{n.ID, c.String(), c.Client}})
		} else {
			if c.Client <= len(w.clients) {
				w.clients[c.Client-1].stats.Duplicates++
			}
			w.emit(Event{Type: view.EvNote, Node: n.ID, Index: e.Index, Client: c.Client,
				Key: "feed.write.duplicate", Args: []any{n.ID, c.String(), c.Client}})
		}
	}
	w.check.firstApplied = max(w.check.firstApplied, e.Index)
	w.noteApplied(c, res)
	w.answerWrite(n, e, c, res)
}

// noteApplied records that a write took effect, for the linearizability
// check: it settles the calls whose clients never heard back.
func (w *World) noteApplied(c view.Command, res view.Result) {
	if c.Client < 1 || c.Client > len(w.clients) {
		return
	}
	cl := &w.clients[c.Client-1]
	if c.Seq < 1 || c.Seq > cl.calls.len() {
		return
	}
	w.history.applied(cl.calls.at(c.Seq-1), res)
}

// Outstanding counts the client calls still waiting for an answer.
func (w *World) Outstanding() int {
	n := 0
	for _, c := range w.clients {
		if c.call >= 0 {
			n++
		}
	}
	return n
}

// History lists every client call so far, in invocation order.
func (w *World) History() []view.Call { return w.history.all() }

// HistoryLen is the number of client calls so far.
func (w *World) HistoryLen() int { return w.history.n }

// Call is client call i, 0 <= i < HistoryLen().
func (w *World) Call(i int) view.Call { return w.history.get(i) }
