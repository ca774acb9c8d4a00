package main

import (
	"bytes"
	"encoding/xml"
	"image/gif"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCLIRenderGIF(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.gif")
	r := cliRun(t, "render", cliScenarios+"leader-crash.json", "--gif", out, "--from", "1s", "--to", "3000", "--size", "400x250")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "wrote "+out)
	f, err := os.Open(out)
	require.NoError(t, err)
	defer f.Close()
	g, err := gif.DecodeAll(f)
	require.NoError(t, err)
	assert.Len(t, g.Image, 20, "a frame every 100 ms from 1 s to 3 s")
	assert.Equal(t, [2]int{400, 250}, [2]int{g.Config.Width, g.Config.Height})
}

func TestCLIRenderPNG(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.png")
	r := cliRun(t, "render", "minority-partition", "--png", out, "--at", "2500", "--light")
	require.Equal(t, 0, r.code, r.stderr)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	img, err := png.Decode(bytes.NewReader(data))
	require.NoError(t, err)
	assert.Equal(t, 800, img.Bounds().Dx(), "800x500 by default")
	assert.Equal(t, 500, img.Bounds().Dy())
}

// TestCLIRenderSVG parses the slide and finds every server's name among
// its texts.
func TestCLIRenderSVG(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.svg")
	r := cliRun(t, "render", "split-vote", "--svg", out, "--from", "0", "--to", "2s", "--lang", "zh-CN")
	require.Equal(t, 0, r.code, r.stderr)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	texts := map[string]bool{}
	for dec := xml.NewDecoder(bytes.NewReader(data)); ; {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, "the SVG parses")
		if cd, ok := tok.(xml.CharData); ok {
			texts[strings.TrimSpace(string(cd))] = true
		}
	}
	for _, name := range []string{"S1", "S2", "S3", "S4"} {
		assert.True(t, texts[name], "the SVG names %s", name)
	}
	assert.True(t, texts["已提交"], "the slide speaks the language asked for")
}

func TestCLIRenderBadInput(t *testing.T) {
	dir := t.TempDir()
	gifOut := filepath.Join(dir, "x.gif")
	scenario := cliScenarios + "leader-crash.json"
	checkBadInput(t, []cliBadCase{
		{"too large", []string{"render", scenario, "--gif", gifOut, "--size", "2000x1000"}, []string{"the largest is 1920x1080"}, true},
		{"too small", []string{"render", scenario, "--png", gifOut, "--size", "199x150"}, []string{"the smallest is 200x150"}, true},
		{"not a size", []string{"render", scenario, "--png", gifOut, "--size", "big"}, []string{`--size "big" is not a size`}, true},
		{"too long", []string{"render", scenario, "--gif", gifOut, "--from", "1s", "--to", "62s"}, []string{"the longest is 60 s (600 frames)"}, true},
		{"backwards", []string{"render", scenario, "--svg", gifOut, "--from", "5s", "--to", "4s"}, []string{"must end after it starts"}, true},
		{"not a time", []string{"render", scenario, "--gif", gifOut, "--to", "soon"}, []string{`--to "soon" is not a time`}, true},
		{"negative", []string{"render", scenario, "--png", gifOut, "--at", "-1"}, []string{"cannot be negative"}, true},
		{"unwritable", []string{"render", scenario, "--png", filepath.Join(dir, "no", "x.png")}, []string{"no such file or directory"}, true},
		{"unknown scenario", []string{"render", "nosuch", "--png", gifOut}, []string{`no bundled scenario named "nosuch"`}, true},
		{"no output", []string{"render", scenario}, []string{"name one output"}, false},
		{"two outputs", []string{"render", scenario, "--png", "a.png", "--gif", gifOut}, []string{"name one output"}, false},
		{"--at for a GIF", []string{"render", scenario, "--gif", gifOut, "--at", "5"}, []string{"--at is for --png"}, false},
	})
	_, err := os.Stat(gifOut)
	assert.True(t, os.IsNotExist(err), "no file is left behind")
}
