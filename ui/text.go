package ui

import (
	"image/color"
	"sync"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
)

// fonts are the Go fonts, which ship inside golang.org/x/image: no font
// files to download or embed.
//
// They are drawn through golang.org/x/image/font (text.GoXFace), not
// text.GoTextFace: the labels are short Latin lines that need no complex
// shaping, and GoTextFace's shaper (go-text/typesetting) costs a fifth of
// the browser build (0.9 MB of the gzip download) and parses its tables,
// then outlines every glyph with GPU paths, during the first frame.
var fonts struct {
	once          sync.Once
	regular, bold *opentype.Font
	// cjkRegular and cjkBold are the Chinese fonts once installed (see
	// SetCJKFont), under the faces lock.
	cjkRegular, cjkBold *opentype.Font
}

func loadFonts() {
	fonts.once.Do(func() {
		var err error
		if fonts.regular, err = opentype.Parse(goregular.TTF); err != nil {
			panic(err) // the font is compiled in: this cannot fail at run time
		}
		if fonts.bold, err = opentype.Parse(gobold.TTF); err != nil {
			panic(err)
		}
	})
}

// faceKey names a face in the cache.
type faceKey struct {
	size float64
	bold bool
}

// faces caches faces by size and weight: face is called dozens of times a
// frame, and a face is read-only once made. Drawing happens on one
// goroutine, but the tests may not, hence the lock.
var faces struct {
	sync.Mutex
	m map[faceKey]text.Face
	// generation counts the font changes (see fontGeneration).
	generation int
}

// face returns a font face of a size in physical pixels. The face is shared
// (it caches its glyphs).
func face(size float64, bold bool) text.Face {
	k := faceKey{size, bold}
	faces.Lock()
	defer faces.Unlock()
	if f, ok := faces.m[k]; ok {
		return f
	}
	loadFonts()
	src, cjk := fonts.regular, fonts.cjkRegular
	if bold {
		src, cjk = fonts.bold, fonts.cjkBold
	}
	f := text.Face(goXFace(src, size))
	if cjk != nil {
		// The Go font first: Latin text looks as it always did, and only
		// the characters it lacks come from the Chinese font.
		m, err := text.NewMultiFace(f, goXFace(cjk, size))
		if err != nil {
			panic(err) // both faces are horizontal: this cannot fail
		}
		f = m
	}
	if faces.m == nil {
		faces.m = map[faceKey]text.Face{}
	}
	faces.m[k] = f
	return f
}

// goXFace is a face of a font at a size in physical pixels.
func goXFace(src *opentype.Font, size float64) *text.GoXFace {
	xf, err := opentype.NewFace(src, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		panic(err) // only a size or DPI of zero or less fails
	}
	return text.NewGoXFace(xf)
}

// Alignment of drawn text relative to its anchor point.
const (
	alignStart  = text.AlignStart
	alignCenter = text.AlignCenter
	alignEnd    = text.AlignEnd
)

// drawText draws one line anchored at (x, y) with the given horizontal
// alignment; y is the vertical centre of the line.
func drawText(dst *ebiten.Image, s string, f text.Face, x, y float64, c color.Color, align text.Align) {
	wantCJK(s)
	if textDrawn != nil {
		textDrawn(dst, s, f, x, y)
	}
	// One options value reused: text.Draw does not keep it, and drawing
	// happens on Ebiten's one drawing goroutine.
	op := &textOp
	*op = text.DrawOptions{}
	op.GeoM.Translate(x, y)
	op.ColorScale.ScaleWithColor(c)
	op.PrimaryAlign = align
	op.SecondaryAlign = text.AlignCenter
	text.Draw(dst, s, f, op)
}

var textOp text.DrawOptions

// textDrawn, when set, is told every line drawText draws, where and in
// which face. Every word on screen passes through drawText (the cached
// lines and panels too, when they are drawn afresh), so the pseudo-locale
// test (pseudo_test.go) sets it to find words that bypass the message
// catalogue. It is nil in the app: one comparison a line.
var textDrawn func(dst *ebiten.Image, s string, f text.Face, x, y float64)

// textWidth measures a line.
func textWidth(s string, f text.Face) float64 {
	w, _ := text.Measure(s, f, 0)
	return w
}

// ellipsize shortens s with "…" so that it fits in width.
func ellipsize(s string, f text.Face, width float64) string {
	if textWidth(s, f) <= width {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if textWidth(string(r[:mid])+"…", f) <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(r[:lo]) + "…"
}
