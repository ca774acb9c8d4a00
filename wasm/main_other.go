//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// The browser build only: outside a browser, say how to build and run it.
func main() {
	fmt.Fprintln(os.Stderr, "wasm: this is RaftLab's browser build: make serve builds it (GOOS=js GOARCH=wasm) and serves it; go run ./cmd/raftlab opens the desktop app")
	os.Exit(2)
}
