//go:build js && wasm && etcd

package main

// The etcd build (etcd.wasm) holds etcd's raft as a second engine.
import _ "github.com/raftlab/raftlab/playground/etcdraft"
