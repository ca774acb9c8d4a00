//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// The browser build only: outside a browser, say how to build it.
func main() {
	fmt.Fprintln(os.Stderr, "bare: the browser benchmark's bare game: make bench-fps builds it (GOOS=js GOARCH=wasm)")
	os.Exit(2)
}
