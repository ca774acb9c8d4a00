//go:build !(js && wasm)

package picture

// yield does nothing where goroutines run in parallel (see yield_js.go).
func yield() {}
