//go:build js && wasm

package main

import (
	"cmp"
	"net/url"
	"path"
	"runtime"
	"strings"
	"sync"
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/internal/lab"
	"github.com/raftlab/raftlab/internal/picture"
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/ui"
)

func main() {
	mark("raftlab:main")
	api := js.Global().Get("Object").New()
	api.Set("ready", false)
	js.Global().Set("raftlab", api)

	q := pageQuery()
	opts := optionsFromQuery(q)
	hash := js.Global().Get("location").Get("hash").String()
	opts.readLink(hash, q)
	if e := linkEngine(opts.link); !playground.HasEngine(e) && q.Get("engine") != e.String() {
		// A share link of a session on an engine this build lacks (one
		// made before links said their build): the build that has it.
		loadEngine(e, hash)
		wait()
	}
	if len(opts.ignored) > 0 {
		js.Global().Get("console").Call("info", "RaftLab ignores these URL parameters: "+strings.Join(opts.ignored, ", "))
	}
	prefs := localStore{prefsKey}
	system := browserLang()
	asked := opts.lang
	if opts.link != nil {
		asked = cmp.Or(asked, opts.link.Lang)
	}
	lang := ui.ChooseLang(asked, prefs, system)
	opts.nameIn(lang)
	if len(opts.problems) > 0 {
		notice(api, lang.T("host.link.unused", strings.Join(opts.problemsIn(lang), "; ")))
	}
	fonts := newFontLoad()
	if lang == i18n.Chinese {
		fonts.start() // while the world is built and the first frame drawn
	}
	a := &app{api: api, lab: opts.lab}
	notes := newNotesChannel()
	uo := ui.Options{Lab: opts.lab, Scenario: opts.scenario, Empty: opts.empty, Embed: opts.embed, Save: download, Picture: picture.Export, Open: a.openPicker, Share: a.share, Link: opts.link,
		Progress: localStore{progressKey}, Prefs: prefs, Results: results, Lesson: opts.lesson, Step: opts.step,
		Lang: opts.lang, SystemLang: system, CJKFont: fonts.start,
		Present: opts.present, Fullscreen: ebiten.SetFullscreen, Notes: notes.show, OpenNotes: notes.open,
		LoadEngine: func(e view.Engine, open view.Link) error { return openInBuild(opts.lab, e, open) }}
	g, err := ui.New(uo)
	if err != nil && uo.Link != nil {
		// A link that read well but cannot start: RaftLab opens without it.
		notice(api, lang.T("host.link.unused", i18n.ErrorIn(err, lang)))
		uo.Link = nil
		g, err = ui.New(uo)
	}
	if err != nil {
		fail(api, lang.T("host.start.failed", i18n.ErrorIn(err, lang)))
		wait()
	}
	mark("raftlab:ui")
	fonts.setGame(g)
	a.game = g
	a.expose()
	a.followHash()
	followVisibility(g)

	ebiten.SetWindowTitle(lang.T("app.title"))
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	ebiten.SetRunnableOnUnfocused(true)
	if err := ebiten.RunGame(a); err != nil {
		fail(api, g.Lang().T("host.stopped", err))
		wait()
	}
}

// followVisibility tells the game when the page's tab is hidden and shown
// again (the visibilitychange event), so that it pauses itself (ui's
// hidden.go). Ebiten does not update a hidden tab, but the page's time
// goes on: without the pause, the simulation would be found where it was
// left, yet still playing, with nothing said about the gap. A page opened
// in a background tab has not run yet: it starts when first seen.
func followVisibility(g *ui.Game) {
	doc := js.Global().Get("document")
	doc.Call("addEventListener", "visibilitychange", js.FuncOf(func(js.Value, []js.Value) any {
		g.SetHidden(ui.TabHidden, doc.Get("visibilityState").String() == "hidden")
		return nil
	}))
}

// browserLang is the first of the browser's languages RaftLab speaks, or
// "" when it speaks none of them.
func browserLang() i18n.Lang {
	nav := js.Global().Get("navigator")
	langs := nav.Get("languages")
	if langs.Type() != js.TypeObject || langs.Length() == 0 {
		langs = js.Global().Get("Array").New(nav.Get("language"))
	}
	for i := range langs.Length() {
		if v := langs.Index(i); v.Type() == js.TypeString {
			if l, err := i18n.Parse(v.String()); err == nil {
				return l
			}
		}
	}
	return ""
}

// mark records a moment of the start in the page's performance timeline
// (performance.mark), where the benchmark reads where the time to the
// first frame goes: raftlab:main once every package is initialised,
// raftlab:ui once the playground is built, raftlab:first-draw as the first
// frame starts drawing.
func mark(name string) { js.Global().Get("performance").Call("mark", name) }

// wait keeps the program alive after an error: Ebiten has hooked window
// events (resize, keys) that call into Go, and calling into a program that
// has exited is a page error.
func wait() { select {} }

// pageQuery is the page's URL parameters.
func pageQuery() url.Values {
	q, err := url.ParseQuery(strings.TrimPrefix(js.Global().Get("location").Get("search").String(), "?"))
	if err != nil {
		// A malformed query still yields what could be parsed; the
		// garbage is ignored like any unknown parameter.
		return q
	}
	return q
}

// loadEngine goes on in the build that has engine e: the same page with
// ?engine= for it, opening the share link link.
// It replaces the page's history entry, as share does, so that Back
// leaves the app rather than going back to the build just left.
func loadEngine(e view.Engine, link string) {
	loc := js.Global().Get("location")
	loc.Call("replace", engineURL(loc.Get("href").String(), e, link))
}

// openInBuild goes on in the build that has engine e, opening open there
// (ui.Options.LoadEngine): a lesson as ?lesson=N&step=M does, anything
// else as a share link.
func openInBuild(l *lab.Lab, e view.Engine, open view.Link) error {
	if open.Lesson != 0 {
		loc := js.Global().Get("location")
		loc.Call("replace", lessonURL(loc.Get("href").String(), e, open))
		return nil
	}
	link, err := l.EncodeLink(open)
	if err != nil {
		return err
	}
	loadEngine(e, link)
	return nil
}

// fail shows a readable error on the page (index.html's raftlabFail, or
// the page body when that is missing) and records it in window.raftlab.
func fail(api js.Value, msg string) {
	api.Set("error", msg)
	if f := js.Global().Get("raftlabFail"); f.Type() == js.TypeFunction {
		f.Invoke(msg)
		return
	}
	doc := js.Global().Get("document")
	div := doc.Call("createElement", "div")
	div.Set("textContent", msg)
	div.Set("style", "position:fixed;inset:0;padding:2em;background:#14171f;color:#ef5350;font:16px sans-serif;white-space:pre-wrap")
	doc.Get("body").Call("appendChild", div)
}

// notice shows a one-line banner over the running page (index.html's
// raftlabNotice, or nothing but window.raftlab.notice when that is
// missing): what a link asked for that RaftLab could not do.
func notice(api js.Value, msg string) {
	api.Set("notice", msg)
	if f := js.Global().Get("raftlabNotice"); f.Type() == js.TypeFunction {
		f.Invoke(msg)
	}
}

// app wraps the playground for the page: it tells the page when the first
// frame is drawn and loads scenario files dropped on the window.
type app struct {
	// mu keeps the page's calls (state, layout) out of a frame. Go runs
	// JavaScript callbacks only while the game loop waits for the browser,
	// so it is never contended; TryLock makes sure a call can never block
	// the browser's event loop.
	mu    sync.Mutex
	game  *ui.Game
	api   js.Value
	ready bool
	// lab reads the share links the app makes and the page is given, for
	// the engine their world runs on (share, followHash).
	lab *lab.Lab
}

func (a *app) Update() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.game.Update()
}

func (a *app) Draw(screen *ebiten.Image) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if !a.ready {
		mark("raftlab:first-draw")
	}
	a.game.Draw(screen)
	a.game.DrawProbe(screen)
	if !a.ready && a.game.Ready() {
		a.ready = true
		a.api.Set("readyMs", js.Global().Get("performance").Call("now"))
		a.api.Set("ready", true)
		js.Global().Call("dispatchEvent", js.Global().Get("Event").New("raftlab-ready"))
	}
}

func (a *app) Layout(w, h int) (int, int) { return a.game.Layout(w, h) }

// download hands the browser a file to save: the session exported as a
// scenario, or a picture.
func download(name string, data []byte) error {
	return downloadAs(name, mimeType(name), data)
}

// mimeType is the MIME type of a file the app saves, by its name: a
// scenario file, or a picture from the save menu.
func mimeType(name string) string {
	switch path.Ext(name) {
	case ".png":
		return "image/png"
	case ".gif":
		return "image/gif"
	case ".svg":
		return "image/svg+xml"
	}
	return "application/json"
}

// downloadAs hands the browser a file of a MIME type to save.
func downloadAs(name, mime string, data []byte) error {
	arr := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(arr, data)
	blob := js.Global().Get("Blob").New([]any{arr}, map[string]any{"type": mime})
	url := js.Global().Get("URL").Call("createObjectURL", blob)
	link := js.Global().Get("document").Call("createElement", "a")
	link.Set("href", url)
	link.Set("download", name)
	link.Call("click")
	js.Global().Get("URL").Call("revokeObjectURL", url)
	return nil
}

// openPicker shows the browser's file picker; the chosen scenario file is
// handed to the game, which reports a bad one in its status line. (The
// click that asked for it is recent enough for the browser to allow it.)
func (a *app) openPicker() {
	input := js.Global().Get("document").Call("createElement", "input")
	input.Set("type", "file")
	input.Set("accept", ".json,application/json")
	var onChange js.Func
	onChange = js.FuncOf(func(this js.Value, args []js.Value) any {
		onChange.Release()
		files := input.Get("files")
		if files.Length() == 0 {
			return nil
		}
		file := files.Index(0)
		name := file.Get("name").String()
		var onText js.Func
		onText = js.FuncOf(func(this js.Value, args []js.Value) any {
			onText.Release()
			a.game.LoadScenario(name, []byte(args[0].String()))
			return nil
		})
		file.Call("text").Call("then", onText)
		return nil
	})
	input.Call("addEventListener", "change", onChange)
	input.Call("click")
}

// expose fills window.raftlab's functions.
func (a *app) expose() {
	jsonCall := func(get func(*ui.Game) ([]byte, error)) js.Func {
		return js.FuncOf(func(this js.Value, args []js.Value) any {
			if !a.mu.TryLock() {
				return errorObject("busy drawing a frame; try again")
			}
			data, err := get(a.game)
			a.mu.Unlock()
			if err != nil {
				return errorObject(err.Error())
			}
			return js.Global().Get("JSON").Call("parse", string(data))
		})
	}
	a.api.Set("state", jsonCall((*ui.Game).StateJSON))
	a.api.Set("layout", jsonCall((*ui.Game).LayoutJSON))
	a.api.Set("status", js.FuncOf(func(js.Value, []js.Value) any {
		if !a.mu.TryLock() {
			return errorObject("busy drawing a frame; try again")
		}
		defer a.mu.Unlock()
		return a.game.Status()
	}))
	a.api.Set("fps", js.FuncOf(func(js.Value, []js.Value) any { return ebiten.ActualFPS() }))
	a.api.Set("tps", js.FuncOf(func(js.Value, []js.Value) any { return ebiten.ActualTPS() }))
	a.api.Set("frames", js.FuncOf(func(js.Value, []js.Value) any {
		if !a.mu.TryLock() {
			return errorObject("busy drawing a frame; try again")
		}
		defer a.mu.Unlock()
		return a.game.Frames()
	}))
	a.api.Set("runFor", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) != 1 || args[0].Type() != js.TypeNumber || args[0].Float() < 0 {
			return errorObject("runFor(ms) takes a number of virtual milliseconds, at least 0")
		}
		if !a.mu.TryLock() {
			return errorObject("busy drawing a frame; try again")
		}
		defer a.mu.Unlock()
		return a.game.RunFor(int64(args[0].Float()))
	}))
	a.api.Set("openLesson", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) != 2 || args[0].Type() != js.TypeNumber || args[1].Type() != js.TypeNumber {
			return errorObject("openLesson(number, step) takes a lesson's number and a step (1-based)")
		}
		if !a.mu.TryLock() {
			return errorObject("busy drawing a frame; try again")
		}
		defer a.mu.Unlock()
		if err := a.game.OpenLesson(args[0].Int(), args[1].Int()); err != nil {
			return errorObject(err.Error())
		}
		return true
	}))
	a.api.Set("click", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) != 2 || args[0].Type() != js.TypeNumber || args[1].Type() != js.TypeNumber {
			return errorObject("click(x, y) takes a point in CSS pixels")
		}
		if !a.mu.TryLock() {
			return errorObject("busy drawing a frame; try again")
		}
		defer a.mu.Unlock()
		a.game.Click(args[0].Float(), args[1].Float())
		return true
	}))
	a.api.Set("setLang", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) != 1 || args[0].Type() != js.TypeString {
			return errorObject("setLang(tag) takes a language: en or zh-CN")
		}
		l, err := i18n.Parse(args[0].String())
		if err != nil {
			return errorObject(err.Error())
		}
		if !a.mu.TryLock() {
			return errorObject("busy drawing a frame; try again")
		}
		defer a.mu.Unlock()
		a.game.SetLang(l)
		return true
	}))
	a.api.Set("probe", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) != 1 || args[0].Type() != js.TypeString {
			return errorObject("probe(text) takes a line of text (\"\" removes it)")
		}
		if !a.mu.TryLock() {
			return errorObject("busy drawing a frame; try again")
		}
		defer a.mu.Unlock()
		plain, drawn := a.game.SetProbe(args[0].String())
		rect := func(r ui.Rect) map[string]any { return map[string]any{"x": r.X, "y": r.Y, "w": r.W, "h": r.H} }
		return map[string]any{"plain": rect(plain), "drawn": rect(drawn)}
	}))
	a.api.Set("mem", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) > 0 && args[0].Truthy() {
			runtime.GC()
		}
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return map[string]any{"heapAlloc": m.HeapAlloc, "heapSys": m.HeapSys, "sys": m.Sys, "numGC": m.NumGC}
	}))
}

func errorObject(msg string) js.Value {
	o := js.Global().Get("Object").New()
	o.Set("error", msg)
	return o
}
