// Command raftserve serves the browser build of RaftLab: index.html,
// wasm_exec.js and main.wasm from one folder (build/web, which `make serve`
// fills), and nothing else.
//
//	go run ./cmd/raftserve [-addr 127.0.0.1:8080] [-dir build/web]
//
// main.wasm is about 20 MB and compresses to a quarter of that, so it is
// gzip-compressed once at start (or taken from main.wasm.gz when that file
// is at least as new) and sent with Content-Encoding: gzip to every client
// that accepts it. X-Raw-Size carries the uncompressed size, which the page
// needs to show real download progress: the browser counts decompressed
// bytes, and Content-Length is the compressed size. etcd.wasm, the build
// with etcd's raft (make web builds both), is served the same way when the
// folder has it.
//
// raftserve is a program: nothing imports it. It serves files and knows
// nothing of Raft. It imports nothing of RaftLab.
package main
