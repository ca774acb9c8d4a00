//go:build js && wasm

package picture

import "time"

// yield lets the browser run between two frames of an animation: the
// WebAssembly build has one thread, which a goroutine drawing 300 frames
// would otherwise hold until it is done, freezing the page. A goroutine
// that sleeps hands the thread back to the page's event loop.
func yield() { time.Sleep(time.Millisecond) }
