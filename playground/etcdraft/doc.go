// Package etcdraft runs etcd's raft library (go.etcd.io/raft/v3) as a
// playground engine, so that any scenario, lesson or session can run on
// what etcd runs in production, and the two engines can check each other.
//
// Each server is an etcd RawNode driven as an etcd server drives one: its
// Ready written to the emulated disk, its messages through the simulated
// network, its committed entries applied to the key-value store, Advance
// once they are handled. The engine translates at the boundary: entries,
// hard state and snapshots become package raft's types for the disk and the
// views; a message keeps etcd's own form (raft.Message.Native), so that a
// server steps exactly what another sent, and carries a translation for the
// views and checkers.
//
// Three things a simulator needs and etcd does not offer are done here:
//   - Determinism: etcd draws election timeouts from crypto/rand. The engine
//     gives it a seeded stream per server instead (rand.go).
//   - Timers and the unstable log: etcd keeps its election timer and the
//     entries not yet handed out unexported. The engine reads them (peek.go),
//     read-only, so the world can wake a server when its timer fires and
//     show its log as it stands.
//   - Time travel: the world clones itself for checkpoints. A RawNode has no
//     Clone, so the engine copies its object graph (clone.go).
//
// Importing the package registers the engine as "etcd" (playground.Engines).
// It imports nothing of RaftLab but playground, playground/view, playground/i18n, raft and internal/splitmix.
package etcdraft
