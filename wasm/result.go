//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/ui"
)

// results hands an assessment's result to the learner: the clipboard, or
// a download like a saved session's.
var results = ui.ResultStore{Copy: copyText, Download: downloadText}

// copyText puts text on the clipboard. The browser allows it only on a
// secure page (https, or this machine) shortly after a click; it answers
// later, so a refusal is logged on the console, as a warning.
func copyText(text string) error {
	cb := js.Global().Get("navigator").Get("clipboard")
	if cb.IsUndefined() || cb.IsNull() {
		return i18n.Errorf("browser.clipboard")
	}
	var onErr js.Func
	onErr = js.FuncOf(func(this js.Value, args []js.Value) any {
		onErr.Release()
		js.Global().Get("console").Call("warn", "RaftLab could not copy the result:", args[0])
		return nil
	})
	cb.Call("writeText", text).Call("catch", onErr)
	return nil
}

// downloadText downloads a text file; the browser decides where it goes.
func downloadText(name string, data []byte) (string, error) {
	return "", downloadAs(name, "text/plain;charset=utf-8", data)
}
