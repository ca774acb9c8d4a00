//go:build js && wasm

package main

import (
	"strings"
	"syscall/js"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/view"
)

// share puts a share link in the address bar (replacing the page's
// history entry, so Back still leaves the app) and copies it to the
// clipboard; the game hears of the copy when the browser allows it (not
// at all when it refuses, and the status line points at the address
// bar). Its ?engine= names the build the session's engine is in
// (shareURL). window.raftlab.link holds the last link for the browser
// tests.
func (a *app) share(fragment string) (string, error) {
	loc := js.Global().Get("location")
	e := view.EngineRaftLab
	if l, err := a.lab.DecodeLink(fragment); err == nil {
		e = linkEngine(&l)
	}
	href := shareURL(loc.Get("href").String(), e, fragment)
	js.Global().Get("history").Call("replaceState", js.Null(), "", href)
	a.api.Set("link", href)
	clip := js.Global().Get("navigator").Get("clipboard")
	if clip.Type() != js.TypeObject {
		return "", nil
	}
	var ok, refused js.Func
	release := func() { ok.Release(); refused.Release() }
	ok = js.FuncOf(func(js.Value, []js.Value) any {
		release()
		a.game.LinkCopied()
		return nil
	})
	refused = js.FuncOf(func(js.Value, []js.Value) any {
		release() // the status line already points at the address bar
		return nil
	})
	clip.Call("writeText", href).Call("then", ok, refused)
	return "", nil
}

// followHash opens a share link pasted into the address bar of the open
// page: the browser changes only the fragment, without a reload. (share's
// own replaceState fires no hashchange.)
func (a *app) followHash() {
	js.Global().Call("addEventListener", "hashchange", js.FuncOf(func(js.Value, []js.Value) any {
		h := js.Global().Get("location").Get("hash").String()
		if strings.TrimPrefix(h, "#") == "" {
			return nil
		}
		if l, err := a.lab.DecodeLink(h); err == nil && !playground.HasEngine(linkEngine(&l)) {
			loadEngine(linkEngine(&l), h) // its world runs in the other build
			return nil
		}
		a.game.LoadLink(h)
		return nil
	}))
}

// linkEngine is the engine a share link's world runs on.
func linkEngine(l *view.Link) view.Engine {
	if l == nil || l.Scenario == nil {
		return view.EngineRaftLab
	}
	return l.Scenario.Settings.Engine
}
