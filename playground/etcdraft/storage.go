package etcdraft

import (
	"io"
	"log"

	etcd "go.etcd.io/raft/v3"
	pb "go.etcd.io/raft/v3/raftpb"
)

// storage is the server's etcd Storage: a MemoryStorage, as etcd's server
// keeps one beside its WAL, rebuilt from the emulated disk at each boot.
//
// An etcd server bootstraps a new cluster by writing one ConfChangeAddNode
// entry per founding member (raft.StartNode). This engine starts, as etcd's
// own tests do, from a configuration in storage instead: the initial
// cluster, until a snapshot carries another. So both engines' logs start
// empty at index 1 and a scenario's entries mean the same on either. A
// server that joins later starts from the initial cluster too, and reaches
// the present configuration by applying the log's changes (or from the
// leader's snapshot).
type storage struct {
	*etcd.MemoryStorage
	initial pb.ConfState
}

func (s *storage) InitialState() (pb.HardState, pb.ConfState, error) {
	hs, cs, err := s.MemoryStorage.InitialState()
	if err == nil && emptyConf(cs) {
		cs = s.initial
	}
	return hs, cs, err
}

func emptyConf(cs pb.ConfState) bool {
	return len(cs.Voters) == 0 && len(cs.Learners) == 0 && len(cs.VotersOutgoing) == 0 && len(cs.LearnersNext) == 0
}

// quiet keeps etcd's raft from printing: a simulation prints what it
// chooses. Its panics stay panics.
var quiet = &etcd.DefaultLogger{Logger: log.New(io.Discard, "", 0)}
