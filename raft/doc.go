// Package raft implements the Raft consensus protocol as a pure state machine,
// one Node per server.
//
// A Node has no goroutines, clock, I/O or global randomness. The host drives it
// with three kinds of input (Tick for the passage of logical time, Step for a
// message from a peer, and the proposal and admin calls such as Propose,
// Campaign, ReadIndex, TransferLeadership and ProposeConfChange) and collects
// its output with Ready:
//
//	for n.HasReady() {
//		rd := n.Ready()
//		// 1. save rd.Snapshot (if any) and append rd.Records to the write-ahead log;
//		// 2. send rd.Messages (a leader's AppendEntries: they need not wait);
//		// 3. if rd.MustSync, fsync;
//		// 4. send rd.MessagesAfterSync;
//		// 5. restore rd.Snapshot into the state machine, apply rd.CommittedEntries,
//		//    answer rd.Reads;
//		n.Advance(&rd)
//	}
//
// The order is the protocol's "persist before you answer": a vote or an append
// acknowledgement leaves the node only after the record behind it is durable.
// A leader writes its log in parallel with replicating it (dissertation
// 10.2.1, as etcd does): its own copy promises nothing to anyone, and it
// counts that copy toward a commit quorum only after Advance says its entries
// are durable.
//
// Every piece of protocol state is readable through Status and a few cheap
// accessors, so a visualizer can draw it and a checker can inspect it. Election
// jitter comes from a seeded generator in Config, so a cluster is reproducible
// from its seeds, and Clone copies a node exactly, for time travel.
//
// The design follows etcd's raft library (Ready/Advance, progress states,
// PreVote, CheckQuorum) and the Raft paper and dissertation (fast log
// backtracking with conflict hints, configuration changes one server at a
// time that take effect when appended). Rules holds "teaching switches" that
// deliberately break one rule each, so a lesson can show the anomaly the rule
// prevents.
//
// raft owns the protocol's state and rules and the write-ahead log's
// format; time, the network, disks and the screen belong to its host (in
// RaftLab, the playground). It imports nothing of RaftLab but
// internal/splitmix.
package raft
