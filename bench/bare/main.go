//go:build js && wasm

package main

import (
	"image/color"
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"
)

// background is ui's colBackground (dark theme), so the fill costs the same.
var background = color.RGBA{0x14, 0x17, 0x1f, 0xff}

type game struct {
	api   js.Value
	ready bool
}

func (g *game) Update() error { return nil }

func (g *game) Draw(screen *ebiten.Image) {
	if !g.ready {
		mark("raftlab:first-draw")
	}
	screen.Fill(background)
	if !g.ready {
		g.ready = true
		g.api.Set("readyMs", js.Global().Get("performance").Call("now"))
		g.api.Set("ready", true)
		js.Global().Call("dispatchEvent", js.Global().Get("Event").New("raftlab-ready"))
	}
}

// Layout is the window in physical pixels, as RaftLab's is.
func (g *game) Layout(w, h int) (int, int) {
	s := ebiten.Monitor().DeviceScaleFactor()
	if s <= 0 {
		s = 1
	}
	return int(float64(w) * s), int(float64(h) * s)
}

// mark records a moment of the start as RaftLab's wasm/main.go does, for
// the benchmark's breakdown of the time to the first frame.
func mark(name string) { js.Global().Get("performance").Call("mark", name) }

func main() {
	mark("raftlab:main")
	api := js.Global().Get("Object").New()
	api.Set("ready", false)
	api.Set("fps", js.FuncOf(func(js.Value, []js.Value) any { return ebiten.ActualFPS() }))
	api.Set("tps", js.FuncOf(func(js.Value, []js.Value) any { return ebiten.ActualTPS() }))
	js.Global().Set("raftlab", api)
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	ebiten.SetRunnableOnUnfocused(true)
	if err := ebiten.RunGame(&game{api: api}); err != nil {
		api.Set("error", err.Error())
	}
}
