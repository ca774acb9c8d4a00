// Package fonts holds the Chinese fonts of the zh-CN edition for the
// desktop app, which builds them in. The browser does not link this
// package: it fetches the same files only when Chinese is chosen (see
// wasm/), so that English users download nothing more.
//
// It imports nothing of RaftLab.
package fonts
