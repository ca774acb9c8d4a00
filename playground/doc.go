// Package playground is the simulated world RaftLab's views draw and its
// lessons script: a cluster of Raft nodes with emulated disks, the network
// between them and the clients in front of them, all in virtual time.
//
// The world is a discrete-event simulation in virtual milliseconds. All of
// its randomness comes from one seed and its events are ordered by time and
// then by the order they were scheduled, so the same settings, seed and
// commands give the same run, byte for byte. Safety checkers watch every
// change; Session adds time travel on top.
//
// playground owns everything around the Raft nodes: virtual time, disks, the
// network, clients and their key-value store, the scripted actions and
// scenario files, the trace and the event feed's sentences, the safety
// checkers and time travel. It must not import lessons, ui, cmd or wasm:
// lessons script the world and views draw it, never the other way.
package playground
