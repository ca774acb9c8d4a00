package picture

import (
	"bytes"
	"encoding/xml"
	"image"
	"image/gif"
	"image/png"
	"io"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/internal/lab"
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
)

// bundledRun is a bundled scenario's run from its start.
func bundledRun(t testing.TB, name string) Run {
	t.Helper()
	data, err := playground.BundledScenarioFile(name)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := playground.ParseScenario(data)
	if err != nil {
		t.Fatal(err)
	}
	sess, err := lab.New().Start(sc)
	if err != nil {
		t.Fatal(err)
	}
	return Run{sess, sc.Name}
}

func TestGIFFramesAndSize(t *testing.T) {
	var buf bytes.Buffer
	if err := GIF(&buf, bundledRun(t, "leader-crash"), 500, 1500, 320, 200, Style{Lang: i18n.English}); err != nil {
		t.Fatal(err)
	}
	g, err := gif.DecodeAll(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Image) != 10 || g.Config.Width != 320 || g.Config.Height != 200 {
		t.Fatalf("%d frames of %dx%d, want 10 of 320x200", len(g.Image), g.Config.Width, g.Config.Height)
	}
	for i, d := range g.Delay {
		if d != FrameDelay {
			t.Fatalf("frame %d shows for %d/100 s, want %d", i, d, FrameDelay)
		}
	}
}

func TestPNGDecodes(t *testing.T) {
	var buf bytes.Buffer
	if err := PNG(&buf, bundledRun(t, "minority-partition"), 3000, 400, 250, Style{Lang: i18n.Chinese, Light: true}); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 400 || b.Dy() != 250 {
		t.Fatalf("picture of %v, want 400x250", b)
	}
}

// TestSVGNamesEveryServer parses the slide as XML and looks for each
// server's name among its texts.
func TestSVGNamesEveryServer(t *testing.T) {
	var buf bytes.Buffer
	r := bundledRun(t, "membership-change")
	if err := SVG(&buf, r, 0, 5000, Style{Lang: i18n.English}); err != nil {
		t.Fatal(err)
	}
	texts := map[string]bool{}
	arrows := 0 // a message's arrow is a line with a title
	for dec := xml.NewDecoder(&buf); ; {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG does not parse: %v", err)
		}
		switch tok := tok.(type) {
		case xml.CharData:
			texts[strings.TrimSpace(string(tok))] = true
		case xml.StartElement:
			if tok.Name.Local == "title" {
				arrows++
			}
		}
	}
	for _, id := range r.Session.View().IDs() {
		if !texts[id.Name()] {
			t.Errorf("the SVG does not name %s", id.Name())
		}
	}
	if arrows < 5 {
		t.Errorf("the SVG has %d messages' arrows, want 5 or more", arrows)
	}
}

func TestLimits(t *testing.T) {
	for _, c := range []struct {
		w, h     int
		from, to int64
		want     string
	}{
		{1921, 1080, 0, 1000, "largest is 1920x1080"},
		{800, 149, 0, 1000, "smallest is 200x150"},
		{800, 500, 0, 60_001, "longest is 60 s (600 frames)"},
		{800, 500, 2000, 1000, "must end after it starts"},
		{800, 500, -5, 1000, "cannot be negative"},
	} {
		err := GIF(io.Discard, Run{}, c.from, c.to, c.w, c.h, Style{})
		if err == nil || !strings.Contains(i18n.ErrorIn(err, i18n.English), c.want) {
			t.Errorf("%dx%d, %d..%d: %v, want %q", c.w, c.h, c.from, c.to, err, c.want)
		}
	}
}

// BenchmarkFrame draws one 800x500 frame, the GIF's unit of work.
func BenchmarkFrame(b *testing.B) {
	r := bundledRun(b, "leader-crash")
	r.moveTo(1000)
	img := image.NewRGBA(image.Rect(0, 0, 800, 500))
	f := r.frame(Style{Lang: i18n.English})
	for b.Loop() {
		drawMoment(img, f)
	}
}

// BenchmarkGIF30s renders 30 s of a run at 800x500, the figure the issue
// asks for.
func BenchmarkGIF30s(b *testing.B) {
	for b.Loop() {
		if err := GIF(io.Discard, bundledRun(b, "leader-crash"), 0, 30_000, 800, 500, Style{Lang: i18n.English}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestGIFLongest draws the longest animation at the smallest size: the
// limits allow it, and it holds MaxFrames frames.
func TestGIFLongest(t *testing.T) {
	if testing.Short() {
		t.Skip("600 frames")
	}
	var buf bytes.Buffer
	if err := GIF(&buf, bundledRun(t, "split-vote"), 0, MaxRangeMs, MinWidth, MinHeight, Style{Lang: i18n.English}); err != nil {
		t.Fatal(err)
	}
	g, err := gif.DecodeAll(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Image) != MaxFrames {
		t.Fatalf("%d frames, want %d", len(g.Image), MaxFrames)
	}
}
