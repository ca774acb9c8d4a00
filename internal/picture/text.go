package picture

import (
	"fmt"
	"image"
	"image/color"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The fonts are the app's: the Go fonts for Latin text (they ship inside
// golang.org/x/image), and the Chinese fonts, once handed in, for the
// characters the Go fonts lack.
var fonts struct {
	sync.Mutex
	regular, bold       *opentype.Font
	cjkRegular, cjkBold *opentype.Font
	faces               map[faceKey]font.Face
}

// faceKey names a face: a font at a size in pixels.
type faceKey struct {
	f    *opentype.Font
	size float64
}

// SetCJKFont installs the Chinese fonts (OpenType, as assets/fonts holds
// them) for the pictures drawn from now on: without them, Chinese text
// draws as empty boxes.
func SetCJKFont(regular, bold []byte) error {
	r, err := opentype.Parse(regular)
	if err != nil {
		return fmt.Errorf("the Chinese font: %w", err)
	}
	b, err := opentype.Parse(bold)
	if err != nil {
		return fmt.Errorf("the Chinese bold font: %w", err)
	}
	fonts.Lock()
	defer fonts.Unlock()
	fonts.cjkRegular, fonts.cjkBold = r, b
	return nil
}

// typeface is a weight of text: the Go font, and the Chinese font (nil
// when not installed) for what it lacks.
type typeface struct {
	latin, cjk *opentype.Font
	size       float64
}

// face is the typeface of a size in pixels, bold or not.
func face(size float64, bold bool) typeface {
	fonts.Lock()
	defer fonts.Unlock()
	if fonts.regular == nil {
		fonts.regular, _ = opentype.Parse(goregular.TTF) // compiled in: cannot fail
		fonts.bold, _ = opentype.Parse(gobold.TTF)
	}
	if bold {
		return typeface{fonts.bold, fonts.cjkBold, size}
	}
	return typeface{fonts.regular, fonts.cjkRegular, size}
}

// faceOf is a font at a size, cached: a face caches nothing itself that
// drawing changes, and making one parses tables.
func faceOf(f *opentype.Font, size float64) font.Face {
	fonts.Lock()
	defer fonts.Unlock()
	k := faceKey{f, size}
	if fc, ok := fonts.faces[k]; ok {
		return fc
	}
	fc, _ := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone}) // a parsed font and a positive size: cannot fail
	if fonts.faces == nil {
		fonts.faces = map[faceKey]font.Face{}
	}
	fonts.faces[k] = fc
	return fc
}

// run is a stretch of text one font draws.
type run struct {
	text string
	face font.Face
}

// runs splits s into the stretches the Go font draws and those the
// Chinese font draws (the characters the Go font lacks).
func (t typeface) runs(s string) []run {
	var out []run
	var buf sfnt.Buffer
	latin := faceOf(t.latin, t.size)
	var cjk font.Face
	if t.cjk != nil {
		cjk = faceOf(t.cjk, t.size)
	}
	start, cur := 0, latin
	for i, r := range s {
		f := latin
		if cjk != nil {
			if g, err := t.latin.GlyphIndex(&buf, r); err == nil && g == 0 {
				f = cjk
			}
		}
		if f != cur && i > start {
			out = append(out, run{s[start:i], cur})
			start = i
		}
		cur = f
	}
	if start < len(s) {
		out = append(out, run{s[start:], cur})
	}
	return out
}

// width is how wide s is drawn, in pixels.
func (t typeface) width(s string) float64 {
	var w fixed.Int26_6
	for _, r := range t.runs(s) {
		w += font.MeasureString(r.face, r.text)
	}
	return float64(w) / 64
}

// align is where a label stands relative to its x.
type align int

const (
	alignLeft align = iota
	alignCenter
	alignRight
)

// text draws s with its middle at height y, aligned on x.
func (cv *canvas) text(s string, t typeface, x, y float64, c color.RGBA, a align) {
	switch a {
	case alignCenter:
		x -= t.width(s) / 2
	case alignRight:
		x -= t.width(s)
	}
	// The Go font's cap height is about 0.7 of its size: the baseline sits
	// that far below the top of a capital.
	d := font.Drawer{Dst: cv.dst, Src: image.NewUniform(c), Dot: fixed.P(0, 0)}
	d.Dot = fixed.Point26_6{X: fixed.Int26_6(x * 64), Y: fixed.Int26_6((y + t.size*0.35) * 64)}
	for _, r := range t.runs(s) {
		d.Face = r.face
		d.DrawString(r.text)
	}
}
