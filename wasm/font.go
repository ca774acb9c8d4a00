//go:build js && wasm

package main

import (
	"errors"
	"fmt"
	"strconv"
	"sync"
	"syscall/js"

	"github.com/raftlab/raftlab/internal/picture"
	"github.com/raftlab/raftlab/ui"
)

// The Chinese fonts are separate files (make web copies them into fonts/),
// fetched only when Chinese is chosen or first drawn: English users never
// download them.
var cjkFontFiles = [2]string{"fonts/NotoSansSC-Regular.subset.otf", "fonts/NotoSansSC-Bold.subset.otf"}

// fontLoad fetches the Chinese fonts once, both at the same time, and
// installs them. Progress and failure go to the game, which shows them.
// The download may start before the game exists (Chinese is known before
// the world is built), so the reports wait for setGame.
type fontLoad struct {
	once  sync.Once
	game  *ui.Game
	ready chan struct{}
}

func newFontLoad() *fontLoad { return &fontLoad{ready: make(chan struct{})} }

// start begins the download if it has not begun; it returns at once.
func (f *fontLoad) start() {
	f.once.Do(func() { go f.run() })
}

// setGame names the game to report to, once it is made.
func (f *fontLoad) setGame(g *ui.Game) {
	f.game = g
	close(f.ready)
}

// gameReady reports whether setGame was called.
func (f *fontLoad) gameReady() bool {
	select {
	case <-f.ready:
		return true
	default:
		return false
	}
}

func (f *fontLoad) run() {
	var mu sync.Mutex
	var got, total [2]int64
	report := func() {
		mu.Lock()
		defer mu.Unlock()
		var g, t int64
		for i := range got {
			if total[i] == 0 { // not known until both files say
				t = -1 << 62
			}
			g, t = g+got[i], t+total[i]
		}
		t = max(t, 0)
		if f.gameReady() { // a later report says the same, and more
			f.game.FontProgress(g, t)
		}
	}
	var data [2][]byte
	var errs [2]error
	var wg sync.WaitGroup
	for i, url := range cjkFontFiles {
		wg.Add(1)
		go func() {
			defer wg.Done()
			data[i], errs[i] = fetchBytes(url, func(n, size int64) {
				mu.Lock()
				got[i], total[i] = n, size
				mu.Unlock()
				report()
			})
		}()
	}
	wg.Wait()
	err := errors.Join(errs[0], errs[1])
	if err == nil {
		err = ui.SetCJKFont(data[0], data[1])
	}
	if err == nil {
		err = picture.SetCJKFont(data[0], data[1]) // the GIFs and slides the save menu makes
	}
	<-f.ready
	f.game.FontLoaded(err)
}

// fetchBytes downloads a file, calling progress with the bytes read so far
// and the file's size (from X-Raw-Size, which raftserve sends with a
// compressed body, or Content-Length; 0 when unknown).
func fetchBytes(url string, progress func(n, size int64)) ([]byte, error) {
	resp, err := await(js.Global().Call("fetch", url))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", url, err)
	}
	if !resp.Get("ok").Bool() {
		return nil, fmt.Errorf("%s: HTTP %d", url, resp.Get("status").Int())
	}
	var size int64
	for _, h := range []string{"X-Raw-Size", "Content-Length"} {
		if v := resp.Get("headers").Call("get", h); v.Type() == js.TypeString {
			if n, err := strconv.ParseInt(v.String(), 10, 64); err == nil {
				size = n
				break
			}
		}
	}
	reader := resp.Get("body").Call("getReader")
	var out []byte
	for {
		chunk, err := await(reader.Call("read"))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", url, err)
		}
		if chunk.Get("done").Bool() {
			return out, nil
		}
		v := chunk.Get("value")
		buf := make([]byte, v.Get("length").Int())
		js.CopyBytesToGo(buf, v)
		out = append(out, buf...)
		progress(int64(len(out)), size)
	}
}

// await waits for a JavaScript promise; a rejection is an error with its
// message.
func await(p js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	ch := make(chan result, 1)
	var then, catch js.Func
	then = js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- result{v: args[0]}
		return nil
	})
	catch = js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- result{err: errors.New(js.Global().Get("String").Invoke(args[0]).String())}
		return nil
	})
	p.Call("then", then, catch)
	r := <-ch
	then.Release()
	catch.Release()
	return r.v, r.err
}
