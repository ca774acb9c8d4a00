package main

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/raftlab/raftlab/internal/palette"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMain lets the tests run the app as a separate process: the test
// binary itself, with RAFTLAB_MAIN=1, is the app.
func TestMain(m *testing.M) {
	if os.Getenv("RAFTLAB_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

func TestBadInputIsAOneLineErrorAndExit2(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"name": "x", "nodes": 3, "steps": [{"at": 5, "do": "crash", "node": 1}, {"at": 6, "do": "explode"}]}`), 0o644))
	notJSON := filepath.Join(dir, "notes.json")
	require.NoError(t, os.WriteFile(notJSON, []byte("hello"), 0o644))
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--scenario", "nope"}, `raftlab: scenario nope: no such file, and no bundled scenario named "nope" (have: `},
		{[]string{"--scenario", filepath.Join(dir, "missing.json")}, "missing.json: no such file or directory"},
		{[]string{"--scenario", bad}, "bad.json: steps[1]"},
		{[]string{"--scenario", notJSON}, "notes.json: invalid JSON"},
		{[]string{"--scenario", dir}, "is a directory"},
		{[]string{"--width", "10"}, "--width must be 200..16384, not 10"},
		{[]string{"--height", "x"}, `invalid value "x" for flag -height`},
		{[]string{"--frames", "-1"}, "--frames must be 0 or more"},
		{[]string{"--screenshot", "a.png"}, "--screenshot needs --frames N"},
		{[]string{"--frames", "3", "--screenshot", "a.jpg"}, "must end in .png"},
		{[]string{"--nope"}, "flag provided but not defined: -nope"},
		{[]string{"figure7"}, `unexpected argument "figure7"`},
		{[]string{"--lesson", "99"}, "there is no lesson 99 (the lessons are numbered 1 to "},
		{[]string{"--lesson", "3", "--step", "20"}, "lesson 3 has steps 1 to 8, not 20"},
		{[]string{"--step", "2"}, "--step 2: a step number (from 1) for the lesson that --lesson opens"},
		{[]string{"--lesson", "-1"}, "--lesson must be a lesson number, not -1"},
		{[]string{"--notes", "--lesson", "3"}, "--notes is the speaker notes window: it takes no --scenario, --link, --lesson or --present"},
		{[]string{"--notes", "--present"}, "--notes is the speaker notes window"},
		{[]string{"--link", "https://raftlab.example/#v1.AAAA"}, "--link: the link is damaged"},
		{[]string{"--link", "https://raftlab.example/#v9.AAAA"}, "--link: the link is of version v9"},
		{[]string{"--link", dir}, "is a directory"},
		{[]string{"--link", bad}, "--link: the link is not a RaftLab share link"},
		{[]string{"--link", "v1.x", "--scenario", "figure7"}, "--link sets its own world and lesson"},
		{[]string{"--link-base", "ftp://host/"}, `--link-base "ftp://host/": an http or https address`},
	} {
		var stdout, stderr bytes.Buffer
		code := run(c.args, &stdout, &stderr)
		assert.Equal(t, 2, code, "%v", c.args)
		assert.Contains(t, stderr.String(), c.want, "%v", c.args)
		assert.Equal(t, 1, strings.Count(stderr.String(), "\n"), "%v: one line: %q", c.args, stderr.String())
		assert.Empty(t, stdout.String(), "%v", c.args)
	}
}

func TestHelp(t *testing.T) {
	var stdout, stderr bytes.Buffer
	assert.Equal(t, 0, run([]string{"-h"}, &stdout, &stderr))
	assert.Contains(t, stdout.String(), "--scenario FILE|NAME")
	assert.Contains(t, stdout.String(), "figure8")
}

func TestLoadScenario(t *testing.T) {
	sc, err := loadScenario("figure7")
	require.NoError(t, err)
	assert.Equal(t, 7, sc.Settings.Nodes)
	sc, err = loadScenario("../../playground/scenarios/leader-crash.json")
	require.NoError(t, err)
	assert.Equal(t, 5, sc.Settings.Nodes)
	_, err = loadScenario("leader-crash.json") // a name with .json is a path
	assert.ErrorContains(t, err, "no such file")
	_, err = loadScenario("/dev/zero") // read up to the limit, not forever
	assert.ErrorContains(t, err, "larger than 4 MiB")
}

// The colours of live nodes in the default (dark) theme: follower,
// pre-candidate, candidate, leader.
var nodeColors = []color.RGBA{palette.Dark.Follower, palette.Dark.PreCandidate, palette.Dark.Candidate, palette.Dark.Leader}

// TestDesktopE2E runs the real app in a real window (make test runs it
// under Xvfb with RAFTLAB_E2E=1) for 120 frames, saves the last one, and
// finds the five nodes of the sandbox in it.
func TestDesktopE2E(t *testing.T) {
	if os.Getenv("RAFTLAB_E2E") != "1" {
		t.Skip("the desktop end-to-end test needs a display: make test runs it under Xvfb with RAFTLAB_E2E=1")
	}
	require.NotEmpty(t, os.Getenv("DISPLAY"), "RAFTLAB_E2E=1 needs a display (DISPLAY is empty): run it with xvfb-run -a")
	shot := os.Getenv("RAFTLAB_SCREENSHOT")
	if shot == "" {
		shot = filepath.Join(t.TempDir(), "desktop.png")
	}
	_ = os.Remove(shot)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "--frames", "120", "--screenshot", shot, "--width", "1280", "--height", "800")
	cmd.Env = append(os.Environ(), "RAFTLAB_MAIN=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	t.Logf("the app ran %v; stdout %q; stderr %q", time.Since(start).Round(time.Millisecond), stdout.String(), stderr.String())
	require.NoError(t, err, "the app must exit 0 after --frames")
	assert.Contains(t, stdout.String(), "saved frame 120 to "+shot)

	f, err := os.Open(shot)
	require.NoError(t, err)
	defer f.Close()
	img, err := png.Decode(f)
	require.NoError(t, err)
	b := img.Bounds()
	assert.Equal(t, 1280, b.Dx(), "the window's width (scale 1 under Xvfb)")
	assert.Equal(t, 800, b.Dy())

	blobs := colorBlobs(img, nodeColors, 6)
	var discs []blob
	for _, bl := range blobs {
		// A node is a solid disc (with its term written inside): a large,
		// roughly square blob that fills most of its bounding box. Rings,
		// arcs and messages are thin or small.
		w, h := bl.maxX-bl.minX+1, bl.maxY-bl.minY+1
		if bl.n >= 400 && w*4 > h*3 && h*4 > w*3 && float64(bl.n) > 0.5*float64(w*h) {
			discs = append(discs, bl)
		}
	}
	t.Logf("%d blobs in node colours, %d node discs: %+v", len(blobs), len(discs), discs)
	assert.Len(t, discs, 5, "the sandbox's five nodes are drawn")

	// And the frame is not a blank or single-colour image: the background
	// dominates, text and links are there too.
	colours := map[color.RGBA]int{}
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			colours[rgba(img.At(x, y))]++
		}
	}
	assert.Greater(t, len(colours), 20, "a real frame has many colours")
}

type blob struct {
	n                      int
	minX, minY, maxX, maxY int
}

// colorBlobs finds the 4-connected regions of pixels within tol of any of
// the colours.
func colorBlobs(img image.Image, colors []color.RGBA, tol int) []blob {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	match := make([]bool, w*h)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := rgba(img.At(b.Min.X+x, b.Min.Y+y))
			for _, want := range colors {
				if near(c, want, tol) {
					match[y*w+x] = true
					break
				}
			}
		}
	}
	seen := make([]bool, w*h)
	var out []blob
	stack := []int{}
	for i := range match {
		if !match[i] || seen[i] {
			continue
		}
		bl := blob{minX: w, minY: h, maxX: -1, maxY: -1}
		seen[i] = true
		stack = append(stack[:0], i)
		for len(stack) > 0 {
			p := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			x, y := p%w, p/w
			bl.n++
			bl.minX, bl.maxX = min(bl.minX, x), max(bl.maxX, x)
			bl.minY, bl.maxY = min(bl.minY, y), max(bl.maxY, y)
			for _, q := range []int{p - 1, p + 1, p - w, p + w} {
				if q < 0 || q >= len(match) || seen[q] || !match[q] {
					continue
				}
				if (q == p-1 && x == 0) || (q == p+1 && x == w-1) {
					continue
				}
				seen[q] = true
				stack = append(stack, q)
			}
		}
		out = append(out, bl)
	}
	return out
}

func rgba(c color.Color) color.RGBA {
	r, g, b, a := c.RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
}

func near(a, b color.RGBA, tol int) bool {
	d := func(x, y uint8) int { return max(int(x)-int(y), int(y)-int(x)) }
	return d(a.R, b.R) <= tol && d(a.G, b.G) <= tol && d(a.B, b.B) <= tol
}

func TestNoDisplayIsAClearError(t *testing.T) {
	if os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != "" {
		t.Skip("a display is available")
	}
	var stdout, stderr bytes.Buffer
	assert.Equal(t, 1, run([]string{"--frames", "1"}, &stdout, &stderr))
	assert.Contains(t, stderr.String(), "xvfb-run")
	assert.Equal(t, 1, strings.Count(stderr.String(), "\n"), "one line: %q", stderr.String())
}
