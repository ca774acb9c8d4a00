package raft

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// fuzzInput hands out the fuzzer's bytes as decisions; past the end it
// hands out zeros, so every input decodes to some run.
type fuzzInput struct {
	data []byte
	pos  int
}

func (in *fuzzInput) done() bool { return in.pos >= len(in.data) }

func (in *fuzzInput) byte() byte {
	if in.pos >= len(in.data) {
		in.pos++
		return 0
	}
	b := in.data[in.pos]
	in.pos++
	return b
}

func (in *fuzzInput) bit() bool { return in.byte()&1 == 1 }

func (in *fuzzInput) u64() uint64 {
	var b [8]byte
	for i := range b {
		b[i] = in.byte()
	}
	return binary.LittleEndian.Uint64(b[:])
}

// near returns base plus a small signed offset most of the time, and
// sometimes an arbitrary value, so that messages are mostly plausible
// (which reaches deep into the protocol) and sometimes absurd.
func (in *fuzzInput) near(base uint64) uint64 {
	switch k := in.byte(); {
	case k < 200:
		d := int64(k%9) - 3
		if d < 0 && uint64(-d) > base {
			return 0
		}
		return uint64(int64(base) + d)
	case k < 230:
		return uint64(in.byte())
	case k < 250:
		return in.u64()
	default:
		return math.MaxUint64 - uint64(k-250)
	}
}

func (in *fuzzInput) id() ID { return ID(in.byte() % 6) }

func (in *fuzzInput) membership() Membership {
	var m Membership
	if in.byte() < 200 {
		// A well-formed one.
		for id := ID(1); id <= 5; id++ {
			switch in.byte() % 4 {
			case 0, 1:
				m.Voters = append(m.Voters, id)
			case 2:
				m.Learners = append(m.Learners, id)
			}
		}
		return m
	}
	// Anything: unsorted, duplicated, None, overlapping.
	for range in.byte() % 5 {
		m.Voters = append(m.Voters, in.id())
	}
	for range in.byte() % 3 {
		m.Learners = append(m.Learners, in.id())
	}
	return m
}

// fuzzHost drives one node under the Ready contract, as a host would, and
// checks the node's local invariants after every operation.
type fuzzHost struct {
	t    *testing.T
	cfg  Config
	n    *Node
	wal  *WAL
	snap *Snapshot
	held *Ready
	// applied is the last index the host's state machine reached.
	applied uint64
	// Baselines for the monotonic invariants.
	term, commit uint64
	// durableTerm is the term of the last HardState synced to the WAL.
	durableTerm uint64
	// ops are the latest operations, for the failure report.
	ops []fuzzOp
}

type fuzzOp struct {
	name string
	m    *Message
	err  error
}

func (o fuzzOp) String() string {
	s := o.name
	if o.m != nil {
		m := o.m
		s += fmt.Sprintf(" %s %d->%d term=%d index=%d logTerm=%d commit=%d entries=%d reject=%v",
			m.Type, m.From, m.To, m.Term, m.Index, m.LogTerm, m.Commit, len(m.Entries), m.Reject)
		if m.Snapshot != nil {
			s += fmt.Sprintf(" snapshot=%d/%d %s", m.Snapshot.Meta.Index, m.Snapshot.Meta.Term, m.Snapshot.Meta.Membership)
		}
	}
	if o.err != nil {
		s += ": " + o.err.Error()
	}
	return s
}

func (h *fuzzHost) log(name string, m *Message, err error) {
	if len(h.ops) >= 64 {
		h.ops = append(h.ops[:0], h.ops[32:]...)
	}
	h.ops = append(h.ops, fuzzOp{name, m, err})
}

func (h *fuzzHost) fail(format string, args ...any) {
	h.t.Helper()
	var tail strings.Builder
	for _, o := range h.ops {
		tail.WriteString("\n\t" + o.String())
	}
	h.t.Fatalf(format+"\nlatest operations:%s", append(args, tail.String())...)
}

func (h *fuzzHost) check() {
	h.t.Helper()
	n := h.n
	st := n.Status()
	term, commit, last, first, applied := n.Term(), n.CommitIndex(), n.LastIndex(), n.FirstIndex(), n.AppliedIndex()
	switch {
	case term < h.term:
		h.fail("term went back from %d to %d", h.term, term)
	case commit < h.commit:
		h.fail("commit went back from %d to %d", h.commit, commit)
	case commit > last:
		h.fail("commit %d beyond last index %d", commit, last)
	case applied > commit:
		h.fail("applied %d beyond commit %d", applied, commit)
	case first > last+1:
		h.fail("first index %d beyond last index %d + 1", first, last)
	case first != st.Snapshot.Index+1:
		h.fail("first index %d does not follow the snapshot at %d", first, st.Snapshot.Index)
	case uint64(len(st.Entries)) != last-first+1:
		h.fail("%d entries between %d and %d", len(st.Entries), first, last)
	case n.Role() == Leader && n.Leader() != n.ID():
		h.fail("a leader that follows %d", n.Leader())
	case st.StableIndex > last:
		h.fail("stable %d beyond last %d", st.StableIndex, last)
	}
	for i, e := range st.Entries {
		if e.Index != first+uint64(i) {
			h.fail("entry %d at position of index %d", e.Index, first+uint64(i))
		}
		if i > 0 && e.Term < st.Entries[i-1].Term {
			h.fail("entry %d has term %d after term %d", e.Index, e.Term, st.Entries[i-1].Term)
		}
	}
	h.term, h.commit = term, commit
}

// persist does the host's first steps for rd: save, append, sync.
func (h *fuzzHost) persist(rd Ready) {
	if rd.Snapshot != nil {
		h.snap = rd.Snapshot
	}
	h.wal.Append(rd.Records...)
	if rd.MustSync {
		h.wal.Sync()
		h.durableTerm = rd.HardState.Term
	}
}

// apply does the host's last step for rd: restore and apply, in order.
func (h *fuzzHost) apply(rd Ready) {
	if rd.Snapshot != nil {
		if rd.Snapshot.Meta.Index < h.applied {
			h.fail("snapshot at %d after applying %d", rd.Snapshot.Meta.Index, h.applied)
		}
		h.applied = rd.Snapshot.Meta.Index
	}
	for _, e := range rd.CommittedEntries {
		if e.Index != h.applied+1 {
			h.fail("applies entry %d after %d", e.Index, h.applied)
		}
		h.applied = e.Index
	}
	h.n.Advance(&rd)
}

func (h *fuzzHost) cycle() {
	if h.held != nil {
		h.apply(*h.held)
		h.held = nil
	}
	for i := 0; i < 8 && h.n.HasReady(); i++ {
		rd := h.n.Ready()
		h.persist(rd)
		h.apply(rd)
	}
}

func (h *fuzzHost) restart(torn int) {
	h.wal.Crash(torn)
	recs, _ := h.wal.Repair()
	st, err := Recover(h.snap, recs)
	if err != nil {
		h.fail("recover: %v", err)
	}
	n, err := New(h.cfg, st)
	if err != nil {
		h.fail("restart: %v", err)
	}
	h.n, h.held = n, nil
	if !h.cfg.Rules.AckBeforeFsync && n.Term() < h.durableTerm {
		h.fail("restarted in term %d, but term %d was synced", n.Term(), h.durableTerm)
	}
	h.applied = n.AppliedIndex()
	if h.snap != nil && h.applied != h.snap.Meta.Index {
		h.fail("restarted with applied %d, snapshot at %d", h.applied, h.snap.Meta.Index)
	}
	// Commit is saved lazily (it can be relearned), and a term may be lost
	// with AckBeforeFsync: a new life starts new baselines.
	h.term, h.commit = n.Term(), n.CommitIndex()
}

func (h *fuzzHost) entries(in *fuzzInput, prev, prevTerm, term uint64) []Entry {
	k := int(in.byte() % 5)
	if k == 0 {
		return nil
	}
	ents := make([]Entry, k)
	t := prevTerm
	for i := range ents {
		if in.byte() < 64 && t < term {
			t++
		}
		e := Entry{Index: prev + 1 + uint64(i), Term: t}
		switch b := in.byte(); {
		case b < 170:
			e.Kind = EntryNormal
			e.Data = []byte{in.byte()}
		case b < 200:
			e.Kind = EntryNoop
		case b < 250:
			e.Kind = EntryConfig
			e.Data = in.membership().Marshal()
		case b < 253:
			e.Kind = EntryConfig
			e.Data = []byte{in.byte(), in.byte()}
		default:
			e.Kind = EntryKind(in.byte())
		}
		if in.byte() == 255 {
			e.Index, e.Term = in.near(e.Index), in.near(e.Term)
		}
		ents[i] = e
	}
	return ents
}

// message makes a message of any type with fields near the node's state.
func (h *fuzzHost) message(in *fuzzInput) Message {
	n := h.n
	m := Message{
		Type: MessageType(in.byte() % 11), // includes two invalid types
		From: in.id(),
		To:   n.ID(),
		Term: in.near(n.Term()),
	}
	if in.byte() == 0 {
		m.To = in.id()
	}
	m.Index = in.near(n.LastIndex())
	if t, ok := n.TermAt(m.Index); ok && in.byte() < 200 {
		m.LogTerm = t
	} else {
		m.LogTerm = in.near(n.Term())
	}
	if m.Type == MsgAppendEntries || in.byte() == 0 {
		m.Entries = h.entries(in, m.Index, m.LogTerm, m.Term)
	}
	m.Commit = in.near(n.CommitIndex())
	m.Reject = in.bit()
	m.ConflictTerm = in.near(m.LogTerm)
	m.ConflictIndex = in.near(m.Index)
	if m.Type == MsgInstallSnapshot || in.byte() == 0 {
		meta := SnapshotMeta{Index: in.near(n.LastIndex()), Term: in.near(n.Term()), Membership: in.membership()}
		m.Snapshot = &Snapshot{Meta: meta, Data: []byte{in.byte()}}
	}
	m.Seq = in.near(uint64(in.byte()))
	m.Transfer = in.bit()
	return m
}

// plausible makes a message a correct peer might well send now: an
// acknowledgement or a vote for a leader or candidate, an append for a
// follower.
func (h *fuzzHost) plausible(in *fuzzInput) Message {
	n := h.n
	from := ID(in.byte()%3 + 1)
	if from == n.ID() {
		from = from%3 + 1
	}
	switch n.Role() {
	case Leader:
		idx := in.near(n.LastIndex())
		return Message{Type: MsgAppendEntriesResponse, From: from, To: n.ID(), Term: n.Term(), Index: idx,
			Reject: in.byte() < 40, ConflictIndex: in.near(idx), Seq: in.near(fuzzReadSeq(n.Status()))}
	case Candidate:
		return Message{Type: MsgRequestVoteResponse, From: from, To: n.ID(), Term: n.Term(), Reject: in.byte() < 40}
	case PreCandidate:
		return Message{Type: MsgPreVoteResponse, From: from, To: n.ID(), Term: n.Term() + 1, Reject: in.byte() < 40}
	}
	term := n.Term()
	if in.byte() < 40 {
		term++
	}
	prev := in.near(n.LastIndex())
	prevTerm, ok := n.TermAt(prev)
	if !ok {
		prevTerm = in.near(term)
	}
	prevTerm = min(prevTerm, term)
	return Message{Type: MsgAppendEntries, From: from, To: n.ID(), Term: term, Index: prev, LogTerm: prevTerm,
		Entries: h.entries(in, prev, prevTerm, term), Commit: in.near(n.CommitIndex()), Seq: uint64(in.byte())}
}

// fuzzReadSeq is the newest round a pending read waits for, or 0.
func fuzzReadSeq(s Status) uint64 {
	var seq uint64
	for _, r := range s.PendingReads {
		seq = max(seq, r.Seq)
	}
	return seq
}

func fuzzConfig(in *fuzzInput) Config {
	sw := in.byte()
	more := in.byte()
	cfg := Config{
		ID:               ID(more%3 + 1),
		Peers:            []ID{1, 2, 3},
		ElectionTick:     3 + int(more>>2&3),
		HeartbeatTick:    1 + int(more>>4&1),
		Seed:             uint64(in.byte()),
		MaxEntriesPerMsg: 1 + int(more>>5&3),
		MaxInflight:      1 + int(sw>>6&3),
		PreVote:          sw&1 != 0,
		CheckQuorum:      sw&2 != 0,
		FastBacktrack:    sw&4 != 0,
	}
	if more&0xc0 == 0xc0 {
		cfg.ID, cfg.Peers = 4, nil // a node that joins: it has no peers
	}
	rules := in.byte()
	if rules&0xe0 == 0xe0 { // rarely: the teaching switches
		cfg.Rules = Rules{
			CommitOldTermsByCounting: rules&1 != 0,
			SkipElectionRestriction:  rules&2 != 0,
			SkipLeaderNoop:           rules&4 != 0,
			FixedElectionTimeout:     rules&8 != 0,
			AckBeforeFsync:           rules&16 != 0,
		}
	} else if sw&16 != 0 {
		cfg.Rules.SkipLeaderNoop = true
	}
	return cfg
}

// fuzzMaxOps bounds a run, so that each execution stays cheap (the fuzzer
// minimises every new input by running it many times).
const fuzzMaxOps = 300

// runFuzzStep decodes data into a node's configuration and a run of
// operations, and checks the invariants after each.
func runFuzzStep(t *testing.T, data []byte) {
	in := &fuzzInput{data: data}
	cfg := fuzzConfig(in)
	n, err := New(cfg, DurableState{})
	if err != nil {
		t.Fatalf("config %+v: %v", cfg, err)
	}
	h := &fuzzHost{t: t, cfg: cfg, n: n, wal: &WAL{}}
	h.check()
	for steps := 0; !in.done() && steps < fuzzMaxOps; steps++ {
		switch op := in.byte() % 16; op {
		case 0, 1:
			for range 1 + in.byte()%8 {
				h.n.Tick()
			}
			h.log("tick", nil, nil)
		case 2, 3, 4:
			m := h.message(in)
			err := h.n.Step(m)
			h.log("step", &m, err)
		case 5:
			h.cycle()
			h.log("ready", nil, nil)
		case 6:
			_, _, err := h.n.Propose([]byte{in.byte()})
			h.log("propose", nil, err)
		case 7:
			err := h.n.Campaign()
			h.log("campaign", nil, err)
		case 8:
			err := h.n.ReadIndex(uint64(in.byte()), ReadMode(in.byte()%2))
			h.log("read", nil, err)
		case 9:
			err := h.n.TransferLeadership(in.id())
			h.log("transfer", nil, err)
		case 10:
			cc := ConfChange{Type: ConfChangeType(in.byte() % 4), Node: in.id()}
			_, err := h.n.ProposeConfChange(cc)
			h.log("confchange", nil, err)
		case 11:
			idx := in.near(h.n.AppliedIndex())
			data := []byte{in.byte()}
			if s, err := h.n.Compact(idx, data); err == nil {
				// The host saves the snapshot (before the marker
				// record reaches the WAL with the next Ready).
				h.snap = s
				if s.Meta.Index != idx || h.n.Status().Snapshot.Index != idx {
					h.fail("compacted to %d, asked %d", h.snap.Meta.Index, idx)
				}
			} else if !errors.Is(err, ErrCompact) {
				h.fail("compact: %v", err)
			}
			h.log("compact", nil, nil)
		case 12:
			// Take a Ready and hold it: more input arrives before Advance.
			if h.held == nil {
				if h.n.HasReady() {
					rd := h.n.Ready()
					h.persist(rd)
					h.held = &rd
				}
			} else {
				h.apply(*h.held)
				h.held = nil
			}
			h.log("hold/advance", nil, nil)
		case 13:
			h.restart(int(in.byte() % 16))
			h.log("restart", nil, nil)
		default:
			m := h.plausible(in)
			err := h.n.Step(m)
			h.log("plausible", &m, err)
		}
		h.check()
	}
	h.cycle()
	h.check()
}

func FuzzStep(f *testing.F) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, size := range []int{0, 1, 8, 40, 200, 600} {
		b := make([]byte, size)
		for i := range b {
			b[i] = byte(r.Uint32())
		}
		f.Add(b)
	}
	// Runs drawn from a small alphabet: mostly plausible messages,
	// proposals, Ready cycles and ticks with small offsets, which reach
	// elections, replication and commitment.
	alphabet := []byte{0, 1, 2, 3, 5, 6, 8, 12, 14, 15, 128}
	for _, size := range []int{300, 600, 1200} {
		b := make([]byte, size)
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		f.Add(b)
	}
	// Scripted runs: become leader, replicate and commit; follow a leader.
	f.Add([]byte{
		0x07, 0x00, 0x01, 0x00, // PreVote, CheckQuorum, FastBacktrack; node 1
		7,        // campaign
		5,        // ready
		14, 0, 0, // vote granted
		5, 6, 'x', 5, // propose and persist
		14, 1, 128, 0, 14, 2, 128, 0, // acknowledgements
		5, 8, 1, 5, 0, 0, 5, 11, 128, 9, 5, 10, 0, 4, 5,
	})
	f.Add([]byte{
		0x00, 0x01, 0x00, 0x00, // plain rules, node 2
		14, 0, 0, 200, 1, 0, 3, 10, 60, 3, 128, 20, 60, 4, 128, 30, 5,
		12, 14, 0, 0, 128, 1, 0, 12, 5, 13, 3, 5, 0, 0, 0,
	})
	f.Fuzz(func(t *testing.T, data []byte) { runFuzzStep(t, data) })
}

// fuzzWALSeeds are real WALs: every node's log from a small cluster run
// with elections, writes, a config change, a compaction, a snapshot
// install and a torn crash.
func fuzzWALSeeds(t testing.TB) [][]byte {
	c := newCluster(t, 3, func(id ID) Config {
		if id > 3 {
			return testConfig(id)
		}
		return testConfig(id, 1, 2, 3)
	})
	c.electLeader(1)
	c.propose(1, "a")
	c.crash(3, 0)
	c.propose(1, "b")
	c.propose(1, "c")
	l := c.nodes[1]
	if _, err := l.Compact(l.AppliedIndex(), []byte("a,b,c")); err != nil {
		t.Fatal(err)
	}
	c.snaps[1] = &Snapshot{Meta: l.Status().Snapshot, Data: []byte("a,b,c")}
	c.restart(3)
	c.tick(3)
	c.wals[4] = &WAL{}
	n4, err := New(c.cfg(4), DurableState{})
	if err != nil {
		t.Fatal(err)
	}
	c.nodes[4] = n4
	if _, err := l.ProposeConfChange(ConfChange{Type: AddLearner, Node: 4}); err != nil {
		t.Fatal(err)
	}
	c.deliver(0)
	c.tick(2)
	c.campaign(2)
	c.tick(2)
	var out [][]byte
	for _, id := range c.sortedIDs() {
		out = append(out, bytes.Clone(c.wals[id].Bytes()))
	}
	w := c.wals[2]
	w.Append(Record{Type: RecordEntry, Entry: Entry{Index: 99, Term: 9, Data: []byte("torn")}})
	w.Crash(11)
	out = append(out, bytes.Clone(w.Bytes()))
	return out
}

// fuzzFrame frames a type and payload with a correct checksum, whatever
// the payload holds.
func fuzzFrame(typ RecordType, payload []byte) []byte {
	body := append([]byte{byte(typ)}, payload...)
	b := binary.LittleEndian.AppendUint32(nil, uint32(len(body)))
	b = binary.LittleEndian.AppendUint32(b, crc32.Checksum(body, crc32.MakeTable(crc32.Castagnoli)))
	return append(b, body...)
}

func FuzzReadWAL(f *testing.F) {
	for _, s := range fuzzWALSeeds(f) {
		f.Add(s)
		if len(s) > 20 {
			f.Add(s[:len(s)/2])
			c := bytes.Clone(s)
			c[len(c)/3] ^= 0x40
			f.Add(c)
		}
	}
	f.Add([]byte{})
	f.Add([]byte{1, 0, 0, 0})
	f.Add(encodeRecord(Record{Type: RecordHardState, HardState: HardState{Term: 1, Vote: 2, Commit: 3}}))
	// Checksummed but odd payloads: a non-minimal varint, trailing bytes,
	// an unknown type, a bad membership.
	f.Add(fuzzFrame(RecordTruncate, []byte{0x85, 0x00}))
	f.Add(fuzzFrame(RecordHardState, []byte{1, 2, 3, 4}))
	f.Add(fuzzFrame(RecordType(9), []byte{1}))
	f.Add(fuzzFrame(RecordSnapshot, []byte{5, 1, 2, 2, 1, 0}))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzCheckWAL(t, data)
		// The checksum hides most payloads from random mutation: read
		// the input once more as the body of a single record that
		// checksums, so the payload decoder meets arbitrary bytes too.
		if len(data) > 0 {
			fuzzCheckWAL(t, fuzzFrame(RecordType(data[0]), data[1:]))
		}
	})
}

// fuzzCheckWAL checks ReadWAL, Repair and Recover on data.
func fuzzCheckWAL(t *testing.T, data []byte) {
	recs, valid, err := ReadWAL(data)
	if valid < 0 || valid > len(data) {
		t.Fatalf("valid %d of %d bytes", valid, len(data))
	}
	if (err == nil) != (valid == len(data)) {
		t.Fatalf("valid %d of %d bytes, err %v", valid, len(data), err)
	}
	if err != nil && !errors.Is(err, ErrTornRecord) {
		t.Fatalf("unexpected error %v", err)
	}
	// Every record is exactly the bytes it was read from: so it
	// passed its checksum, and reading is the inverse of writing.
	off := 0
	for i, r := range recs {
		enc := encodeRecord(r)
		if off+len(enc) > valid || !bytes.Equal(data[off:off+len(enc)], enc) {
			t.Fatalf("record %d (%s) at offset %d does not re-encode to its bytes", i, r, off)
		}
		off += len(enc)
	}
	if off != valid {
		t.Fatalf("records cover %d bytes, valid %d", off, valid)
	}

	// Repair cuts exactly the bad tail.
	w := walOf(data)
	got, cut := w.Repair()
	if cut != len(data)-valid || len(got) != len(recs) || w.Size() != valid {
		t.Fatalf("repair cut %d and kept %d records, want %d and %d", cut, len(got), len(data)-valid, len(recs))
	}

	// Recovery from the records never panics, with or without a
	// snapshot, and what it yields makes a node or an error.
	fuzzRecover(t, nil, recs)
	for _, r := range recs {
		if r.Type == RecordSnapshot {
			fuzzRecover(t, &Snapshot{Meta: r.Snapshot}, recs)
		}
	}
}

func fuzzRecover(t *testing.T, snap *Snapshot, recs []Record) {
	st, err := Recover(snap, recs)
	if err != nil {
		if !errors.Is(err, ErrWALGap) {
			t.Fatalf("recover: unexpected error %v", err)
		}
		return
	}
	base := uint64(0)
	if snap != nil {
		base = snap.Meta.Index
	}
	for i, e := range st.Entries {
		if e.Index != base+1+uint64(i) {
			t.Fatalf("recovered entry %d at position %d after base %d", e.Index, i, base)
		}
	}
	if last := base + uint64(len(st.Entries)); st.HardState.Commit > last || st.HardState.Commit < base {
		t.Fatalf("recovered commit %d outside [%d, %d]", st.HardState.Commit, base, last)
	}
	n, err := New(testConfig(1, 1, 2, 3), st)
	if err != nil {
		return // e.g. a config entry that does not decode
	}
	h := &fuzzHost{t: t, n: n, cfg: n.cfg, wal: &WAL{}}
	h.applied = n.AppliedIndex()
	h.check()
	for range 30 {
		n.Tick()
		h.cycle()
		h.check()
	}
}

// TestFuzzFindingsRejected pins the messages the fuzzers showed could
// corrupt a node: each must now be refused as malformed, leaving the node
// as it was.
func TestFuzzFindingsRejected(t *testing.T) {
	snap := func(idx uint64, m Membership) *Snapshot {
		return &Snapshot{Meta: SnapshotMeta{Index: idx, Term: 1, Membership: m}}
	}
	three := Membership{Voters: []ID{1, 2, 3}}
	for _, tc := range []struct {
		name string
		m    Message
	}{
		{"term that wraps on the next campaign", Message{Type: MsgAppendEntries, Term: math.MaxUint64}},
		{"term beyond the bound", Message{Type: MsgRequestVote, Term: MaxTerm + 1}},
		{"entries whose indexes wrap", Message{Type: MsgAppendEntries, Term: 1, Index: math.MaxUint64, LogTerm: 1,
			Entries: []Entry{{Index: 0, Term: 1}}}},
		{"snapshot at an index that wraps", Message{Type: MsgInstallSnapshot, Term: 1, Snapshot: snap(math.MaxUint64, three)}},
		{"snapshot with unsorted voters", Message{Type: MsgInstallSnapshot, Term: 1, Snapshot: snap(5, Membership{Voters: []ID{3, 1}})}},
		{"snapshot with None as a voter", Message{Type: MsgInstallSnapshot, Term: 1, Snapshot: snap(5, Membership{Voters: []ID{0, 1}})}},
		{"snapshot with a voter that is a learner", Message{Type: MsgInstallSnapshot, Term: 1, Snapshot: snap(5, Membership{Voters: []ID{1}, Learners: []ID{1}})}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, err := New(testConfig(2, 1, 2, 3), DurableState{})
			if err != nil {
				t.Fatal(err)
			}
			tc.m.From, tc.m.To = 1, 2
			before := n.Status()
			if err := n.Step(tc.m); !errors.Is(err, ErrBadMessage) {
				t.Fatalf("Step = %v, want ErrBadMessage", err)
			}
			if after := n.Status(); after.Term != before.Term || after.LastIndex != before.LastIndex || after.CommitIndex != before.CommitIndex || n.HasReady() {
				t.Fatalf("a refused message changed the node: %+v", after)
			}
		})
	}
	// The largest legal values are still accepted.
	n, err := New(testConfig(2, 1, 2, 3), DurableState{})
	if err != nil {
		t.Fatal(err)
	}
	if err := n.Step(Message{Type: MsgInstallSnapshot, From: 1, To: 2, Term: MaxTerm, Snapshot: snap(maxIndex, three)}); err != nil {
		t.Fatal(err)
	}
	if n.Term() != MaxTerm || n.LastIndex() != maxIndex {
		t.Fatalf("term %d last %d", n.Term(), n.LastIndex())
	}
}
