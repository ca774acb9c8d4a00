package etcdraft

import (
	"fmt"
	"reflect"
	"unsafe"

	etcd "go.etcd.io/raft/v3"
	pb "go.etcd.io/raft/v3/raftpb"
	"go.etcd.io/raft/v3/tracker"
)

// etcd keeps unexported what a simulator must see: the election timer
// (when to wake a server, and the views' timer rings), the entries not yet
// handed out in a Ready (the log as it stands), the votes of an election
// and the index of a pending configuration change. The engine reads them
// at offsets found once by reflection, checked against the field types it
// expects, and never writes them. A change to etcd's layout makes New fail
// with layoutErr, which the tests report.

// offsets locates the fields read, from the start of the struct that holds
// them.
var offsets struct {
	raft uintptr // RawNode.raft, a *raft
	// In raft:
	state, lead, term, leadTransferee, pendingConfIndex         uintptr
	electionElapsed, heartbeatElapsed                           uintptr
	electionTimeout, heartbeatTimeout, randomizedElectionTimout uintptr
	raftLog, votes, tick                                        uintptr
	// In raftLog:
	unstableEntries, unstableOffset, unstableSnapshot, committed uintptr
	// In tracker.Inflights, and the size of one of its ring's elements
	// (an inflight: the last index of a message, then its bytes).
	inflightStart, inflightCount, inflightRing, inflightBuffer, inflightSize uintptr
}

// layoutErr is set when etcd's structs are not as the engine expects.
var layoutErr error

func init() { layoutErr = findOffsets() }

// field finds the offset of a path of fields below t and checks the type
// of the last.
func field(t reflect.Type, want reflect.Type, path ...string) (uintptr, error) {
	var off uintptr
	for i, name := range path {
		f, ok := t.FieldByName(name)
		if !ok {
			return 0, fmt.Errorf("etcdraft: etcd's raft has no field %v", path[:i+1])
		}
		off += f.Offset
		t = f.Type
	}
	if t != want {
		return 0, fmt.Errorf("etcdraft: etcd's raft field %v is a %v, not a %v", path, t, want)
	}
	return off, nil
}

func findOffsets() error {
	rawNode := reflect.TypeFor[etcd.RawNode]()
	rf, ok := rawNode.FieldByName("raft")
	if !ok || rf.Type.Kind() != reflect.Pointer {
		return fmt.Errorf("etcdraft: etcd's RawNode has no raft pointer")
	}
	offsets.raft = rf.Offset
	r := rf.Type.Elem()
	lf, ok := r.FieldByName("raftLog")
	if !ok || lf.Type.Kind() != reflect.Pointer {
		return fmt.Errorf("etcdraft: etcd's raft has no raftLog pointer")
	}
	offsets.raftLog = lf.Offset
	log := lf.Type.Elem()
	intT, u64T := reflect.TypeFor[int](), reflect.TypeFor[uint64]()
	stateT := reflect.TypeFor[etcd.StateType]()
	inf := reflect.TypeFor[tracker.Inflights]()
	buf, ok := inf.FieldByName("buffer")
	if !ok || buf.Type.Kind() != reflect.Slice || buf.Type.Elem().NumField() < 1 || buf.Type.Elem().Field(0).Type != u64T || buf.Type.Elem().Field(0).Offset != 0 {
		return fmt.Errorf("etcdraft: etcd's Inflights has no ring buffer of indexes")
	}
	offsets.inflightBuffer, offsets.inflightSize = buf.Offset, buf.Type.Elem().Size()
	for _, f := range []struct {
		at   *uintptr
		in   reflect.Type
		want reflect.Type
		path []string
	}{
		{&offsets.state, r, stateT, []string{"state"}},
		{&offsets.lead, r, u64T, []string{"lead"}},
		{&offsets.term, r, u64T, []string{"Term"}},
		{&offsets.leadTransferee, r, u64T, []string{"leadTransferee"}},
		{&offsets.pendingConfIndex, r, u64T, []string{"pendingConfIndex"}},
		{&offsets.electionElapsed, r, intT, []string{"electionElapsed"}},
		{&offsets.heartbeatElapsed, r, intT, []string{"heartbeatElapsed"}},
		{&offsets.electionTimeout, r, intT, []string{"electionTimeout"}},
		{&offsets.heartbeatTimeout, r, intT, []string{"heartbeatTimeout"}},
		{&offsets.randomizedElectionTimout, r, intT, []string{"randomizedElectionTimeout"}},
		{&offsets.votes, r, reflect.TypeFor[map[uint64]bool](), []string{"trk", "Votes"}},
		{&offsets.tick, r, reflect.TypeFor[func()](), []string{"tick"}},
		{&offsets.unstableEntries, log, reflect.TypeFor[[]pb.Entry](), []string{"unstable", "entries"}},
		{&offsets.unstableOffset, log, u64T, []string{"unstable", "offset"}},
		{&offsets.unstableSnapshot, log, reflect.TypeFor[*pb.Snapshot](), []string{"unstable", "snapshot"}},
		{&offsets.committed, log, u64T, []string{"committed"}},
		{&offsets.inflightStart, inf, intT, []string{"start"}},
		{&offsets.inflightCount, inf, intT, []string{"count"}},
		{&offsets.inflightRing, inf, intT, []string{"size"}},
	} {
		off, err := field(f.in, f.want, f.path...)
		if err != nil {
			return err
		}
		*f.at = off
	}
	return nil
}

// peek reads a RawNode's unexported state.
type peek struct{ rn *etcd.RawNode }

func (p peek) raft() unsafe.Pointer {
	return *(*unsafe.Pointer)(unsafe.Add(unsafe.Pointer(p.rn), offsets.raft))
}

func (p peek) log() unsafe.Pointer {
	return *(*unsafe.Pointer)(unsafe.Add(p.raft(), offsets.raftLog))
}

func peekAt[T any](base unsafe.Pointer, off uintptr) T { return *(*T)(unsafe.Add(base, off)) }

func (p peek) state() etcd.StateType    { return peekAt[etcd.StateType](p.raft(), offsets.state) }
func (p peek) lead() uint64             { return peekAt[uint64](p.raft(), offsets.lead) }
func (p peek) term() uint64             { return peekAt[uint64](p.raft(), offsets.term) }
func (p peek) leadTransferee() uint64   { return peekAt[uint64](p.raft(), offsets.leadTransferee) }
func (p peek) pendingConfIndex() uint64 { return peekAt[uint64](p.raft(), offsets.pendingConfIndex) }
func (p peek) electionElapsed() int     { return peekAt[int](p.raft(), offsets.electionElapsed) }
func (p peek) heartbeatElapsed() int    { return peekAt[int](p.raft(), offsets.heartbeatElapsed) }
func (p peek) electionTimeout() int     { return peekAt[int](p.raft(), offsets.electionTimeout) }
func (p peek) heartbeatTimeout() int    { return peekAt[int](p.raft(), offsets.heartbeatTimeout) }
func (p peek) randomizedTimeout() int   { return peekAt[int](p.raft(), offsets.randomizedElectionTimout) }
func (p peek) votes() map[uint64]bool   { return peekAt[map[uint64]bool](p.raft(), offsets.votes) }
func (p peek) committed() uint64        { return peekAt[uint64](p.log(), offsets.committed) }

// inflights lists the last index of each message in flight, oldest first:
// the ring buffer of a follower's tracker.Inflights, read in order.
func inflights(in *tracker.Inflights) []uint64 {
	if in == nil {
		return nil
	}
	base := unsafe.Pointer(in)
	start, count, ring := peekAt[int](base, offsets.inflightStart), peekAt[int](base, offsets.inflightCount), peekAt[int](base, offsets.inflightRing)
	buffer := (*struct {
		data     unsafe.Pointer
		len, cap int
	})(unsafe.Add(base, offsets.inflightBuffer))
	out := make([]uint64, 0, count)
	for i := range count {
		j := (start + i) % ring // the ring wraps at its size; the buffer grows to it
		out = append(out, *(*uint64)(unsafe.Add(buffer.data, uintptr(j)*offsets.inflightSize)))
	}
	return out
}

// unstable is the log's tail not yet in storage: its entries, the index of
// the first, and a snapshot being installed (nil if none).
func (p peek) unstable() (ents []pb.Entry, offset uint64, snap *pb.Snapshot) {
	l := p.log()
	return peekAt[[]pb.Entry](l, offsets.unstableEntries), peekAt[uint64](l, offsets.unstableOffset),
		peekAt[*pb.Snapshot](l, offsets.unstableSnapshot)
}
