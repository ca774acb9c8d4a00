package picture

import (
	"bytes"
	"image"
	"image/png"
	"io"
	"path"
	"strings"
	"sync"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// The limits of a picture: a picture larger than a full-HD screen is no
// clearer on a slide, only heavier; one smaller than 200x150 cannot show a
// ring and its logs. An animation covers at most a minute of the run, 600
// frames, which keeps its memory and its file (a few MB) within what a
// slide takes.
const (
	MaxWidth, MaxHeight = 1920, 1080
	MinWidth, MinHeight = 200, 150
	MaxRangeMs          = 60_000
	MaxFrames           = MaxRangeMs / FrameMs
)

// drawing lets one picture be drawn at a time: the font faces are shared
// and keep scratch space.
var drawing sync.Mutex

// CheckSize says what is wrong with a picture of w x h pixels, if
// anything.
func CheckSize(w, h int) error {
	switch {
	case w > MaxWidth || h > MaxHeight:
		return i18n.Errorf("picture.size.max", w, h, MaxWidth, MaxHeight)
	case w < MinWidth || h < MinHeight:
		return i18n.Errorf("picture.size.min", w, h, MinWidth, MinHeight)
	}
	return nil
}

// CheckRange says what is wrong with a time range (virtual ms) to draw,
// if anything.
func CheckRange(from, to int64) error {
	switch {
	case from < 0 || to < 0:
		return i18n.Errorf("picture.range.negative")
	case to <= from:
		return i18n.Errorf("picture.range.empty", from, to)
	case to-from > MaxRangeMs:
		return i18n.Errorf("picture.range.max", to-from, MaxRangeMs/1000, MaxFrames)
	}
	return nil
}

// Run is what pictures are drawn from: a session, which they move forward
// (or back, within its history), and its name for the title.
type Run struct {
	Session view.Session
	Title   string
}

// moveTo brings the run's present to ms.
func (r Run) moveTo(ms int64) {
	if ms < r.Session.Now() {
		r.Session.SeekTo(ms)
	}
	r.Session.RunUntil(ms)
}

// frame is the run's present as a moment to draw.
func (r Run) frame(st Style) *moment {
	return &moment{World: r.Session.View(), Flights: r.Session.InFlight(), Title: r.Title, Style: st}
}

// PNG writes the run at moment at as a PNG picture of w x h pixels.
func PNG(out io.Writer, r Run, at int64, w, h int, st Style) error {
	if err := CheckSize(w, h); err != nil {
		return err
	}
	if at < 0 {
		return i18n.Errorf("picture.range.negative")
	}
	drawing.Lock()
	defer drawing.Unlock()
	r.moveTo(at)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	drawMoment(img, r.frame(st))
	return png.Encode(out, img)
}

// GIF writes the run from..to as an animated GIF of w x h pixels: a frame
// at from and every FrameMs after it, each standing for the FrameMs that
// follow it, so that the animation lasts as long as the range.
func GIF(out io.Writer, r Run, from, to int64, w, h int, st Style) error {
	if err := CheckSize(w, h); err != nil {
		return err
	}
	if err := CheckRange(from, to); err != nil {
		return err
	}
	drawing.Lock()
	defer drawing.Unlock()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	g := newGIFWriter(st.palette())
	for t := from; t < to; t += FrameMs {
		r.moveTo(t)
		drawMoment(img, r.frame(st))
		g.add(img)
		yield()
	}
	return g.write(out)
}

// Export draws a run for the app, in the format its file name says
// (.gif, .svg, or DiagramSuffix for the space-time diagram): from..to at the app's picture size, in a language and
// theme. It is what the programs hand the UI (ui.Options.Picture).
func Export(name, title string, sess view.Session, from, to int64, lang i18n.Lang, light bool) ([]byte, error) {
	var buf bytes.Buffer
	r, st := Run{sess, title}, Style{Lang: lang, Light: light}
	var err error
	switch {
	case strings.HasSuffix(name, DiagramSuffix):
		err = Diagram(&buf, r, from, to, st)
	case path.Ext(name) == ".gif":
		err = GIF(&buf, r, from, to, AppWidth, AppHeight, st)
	case path.Ext(name) == ".svg":
		err = SVG(&buf, r, from, to, st)
	default:
		err = i18n.Errorf("picture.format", name)
	}
	return buf.Bytes(), err
}

// AppWidth and AppHeight are the size of the app's animations: large
// enough to read on a slide, small enough (a few MB for 30 s) to mail.
const AppWidth, AppHeight = 800, 500
