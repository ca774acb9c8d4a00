package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/raftlab/raftlab/assets/fonts"
	"github.com/raftlab/raftlab/internal/lab"
	"github.com/raftlab/raftlab/internal/picture"
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// runRender is raftsim render: it draws a scenario's run as a picture
// (PNG) at a moment, an animation (GIF) of a time range, or a slide (SVG)
// of the servers' logs and the messages of a time range. Exit 0 when the
// file is written, 2 for bad flags, a bad scenario or a file that cannot
// be written: each with one line naming the problem.
func runRender(args []string, lang i18n.Lang, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("raftsim render", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	pngOut := fs.String("png", "", "write a picture of one moment to this file")
	gifOut := fs.String("gif", "", "write an animation of a time range to this file")
	svgOut := fs.String("svg", "", "write a slide of the logs and the messages of a time range to this file")
	at := fs.String("at", "", "the picture's moment")
	from := fs.String("from", "0", "the start of the time range")
	to := fs.String("to", "", "the end of the time range (default: the scenario's end)")
	size := fs.String("size", "800x500", "the picture's size in pixels, WxH")
	light := fs.Bool("light", false, "draw with the light theme, on white")
	pos, err := parseInterspersed(fs, args)
	if err == nil {
		err = checkRenderArgs(fs, pos, *pngOut, *gifOut, *svgOut, lang)
	}
	if err != nil {
		fmt.Fprintf(stderr, "raftsim render: %v\n%s", err, lang.T("raftsim.render.usage"))
		return 2
	}
	sc, err := renderScenario(pos[0])
	if err != nil {
		fmt.Fprintf(stderr, "raftsim: %s: %s\n", pos[0], i18n.ErrorIn(err, lang))
		return 2
	}
	job := renderJob{sc: sc, light: *light, lang: lang}
	err = job.parse(*at, *from, *to, *size, lang)
	if err == nil && *pngOut == "" {
		err = picture.CheckRange(job.from, job.to)
	}
	if err != nil {
		fmt.Fprintf(stderr, "raftsim render: %s\n", i18n.ErrorIn(err, lang))
		return 2
	}
	out, write := *pngOut, job.png
	switch {
	case *gifOut != "":
		out, write = *gifOut, job.gif
	case *svgOut != "":
		out, write = *svgOut, job.svg
	}
	n, err := job.writeFile(out, write)
	if err != nil {
		fmt.Fprintf(stderr, "raftsim render: %s\n", i18n.ErrorIn(err, lang))
		return 2
	}
	fmt.Fprintln(stdout, lang.T("raftsim.render.wrote", out, n))
	return 0
}

// checkRenderArgs checks the command line's shape: one scenario, one
// output, and the times that go with it.
func checkRenderArgs(fs *flag.FlagSet, pos []string, pngOut, gifOut, svgOut string, lang i18n.Lang) error {
	outputs := 0
	for _, o := range []string{pngOut, gifOut, svgOut} {
		if o != "" {
			outputs++
		}
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	switch {
	case len(pos) != 1:
		return errors.New(lang.T("raftsim.render.one-scenario", len(pos)))
	case outputs != 1:
		return errors.New(lang.T("raftsim.render.one-output"))
	case pngOut != "" && (set["from"] || set["to"]):
		return errors.New(lang.T("raftsim.render.range"))
	case pngOut == "" && set["at"]:
		return errors.New(lang.T("raftsim.render.at"))
	}
	return nil
}

// renderScenario reads a scenario file, or a bundled scenario by its name
// when no file has that name.
func renderScenario(name string) (*view.Scenario, error) {
	if _, err := os.Stat(name); err != nil && !strings.ContainsAny(name, `/\.`) {
		data, err := playground.BundledScenarioFile(name)
		if err != nil {
			return nil, err
		}
		return playground.ParseScenario(data)
	}
	return readScenario(name)
}

// renderJob is what raftsim render draws, and how.
type renderJob struct {
	sc            *view.Scenario
	at, from, to  int64
	width, height int
	light         bool
	lang          i18n.Lang
}

// parse reads the times and the size; --to defaults to the scenario's
// end, at most the longest range after --from, and --at to the end.
func (j *renderJob) parse(at, from, to, size string, lang i18n.Lang) error {
	var err error
	if j.from, err = parseTime("--from", from, lang); err != nil {
		return err
	}
	j.to = min(j.sc.Until, j.from+picture.MaxRangeMs)
	if to != "" {
		if j.to, err = parseTime("--to", to, lang); err != nil {
			return err
		}
	}
	j.at = j.sc.Until
	if at != "" {
		if j.at, err = parseTime("--at", at, lang); err != nil {
			return err
		}
	}
	w, h, ok := strings.Cut(size, "x")
	if j.width, err = strconv.Atoi(w); !ok || err != nil {
		return errors.New(lang.T("raftsim.render.size", size))
	}
	if j.height, err = strconv.Atoi(h); err != nil {
		return errors.New(lang.T("raftsim.render.size", size))
	}
	return picture.CheckSize(j.width, j.height)
}

// parseTime reads a time in milliseconds (1500) or with a unit (1.5s).
func parseTime(flagName, s string, lang i18n.Lang) (int64, error) {
	if ms, err := strconv.ParseInt(s, 10, 64); err == nil {
		return ms, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, errors.New(lang.T("raftsim.render.time", flagName, s))
	}
	return d.Milliseconds(), nil
}

// run starts the scenario's run, for a picture to move through.
func (j *renderJob) run() (picture.Run, error) {
	w, err := playground.NewWorld(j.sc)
	if err != nil {
		return picture.Run{}, err
	}
	return picture.Run{Session: lab.Session(playground.NewSession(w, j.sc.Actions)), Title: j.sc.Name}, nil
}

func (j *renderJob) style() picture.Style { return picture.Style{Lang: j.lang, Light: j.light} }

func (j *renderJob) png(out io.Writer, r picture.Run) error {
	return picture.PNG(out, r, j.at, j.width, j.height, j.style())
}

func (j *renderJob) gif(out io.Writer, r picture.Run) error {
	return picture.GIF(out, r, j.from, j.to, j.width, j.height, j.style())
}

func (j *renderJob) svg(out io.Writer, r picture.Run) error {
	return picture.SVG(out, r, j.from, j.to, j.style())
}

// writeFile draws into the file at path and returns its size. The
// Chinese fonts are installed first, for Chinese names and words. A
// drawing that fails leaves no file behind.
func (j *renderJob) writeFile(path string, write func(io.Writer, picture.Run) error) (int64, error) {
	if err := picture.SetCJKFont(fonts.SCRegular, fonts.SCBold); err != nil {
		return 0, err
	}
	r, err := j.run()
	if err != nil {
		return 0, err
	}
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	err = write(f, r)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return 0, err
	}
	st, err := os.Stat(path)
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}
