package main

import (
	"errors"
	"flag"
	"fmt"
	"image"
	"image/png"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/internal/lab"
	"github.com/raftlab/raftlab/internal/picture"
	"github.com/raftlab/raftlab/lessons"
	"github.com/raftlab/raftlab/playground"
	_ "github.com/raftlab/raftlab/playground/etcdraft" // the desktop app has both engines
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/ui"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

const usage = `usage: raftlab [--scenario FILE|NAME | --link URL] [--link-base URL] [--width W --height H] [--frames N [--screenshot PATH]] [--progress FILE] [--prefs FILE] [--lesson N [--step M]] [--lang en|zh-CN] [--present] [--notes]`

// config is the command line, checked.
type config struct {
	scenario      *view.Scenario
	width, height int
	frames        int
	screenshot    string
	// progress is the lesson progress file; "" keeps none.
	progress string
	// prefs is the preferences file; "" keeps none.
	prefs string
	// lesson and step open a lesson at a step (0: none; step 0: where
	// the learner left it).
	lesson, step int
	// lang is the language --lang asks for ("": none); badLang is the
	// --lang value RaftLab does not speak (English is used).
	lang    i18n.Lang
	badLang string
	// link is the share link --link opens (nil: none).
	link *view.Link
	// linkBase is the address the links the app hands out start with.
	linkBase string
	// present starts in presenter mode, full screen; notes is the speaker
	// notes window that the app starts itself (notes.go).
	present, notes bool
}

// parseArgs reads and checks the command line. Every error is one line
// naming the flag (or the file, step and field) at fault.
func parseArgs(args []string, stdout io.Writer) (config, error) {
	var c config
	flags := flag.NewFlagSet("raftlab", flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	scenario := flags.String("scenario", "", "a scenario file, or the name of a bundled scenario ("+strings.Join(playground.BundledScenarios(), ", ")+")")
	flags.IntVar(&c.width, "width", 1280, "window width in logical pixels")
	flags.IntVar(&c.height, "height", 800, "window height in logical pixels")
	flags.IntVar(&c.frames, "frames", 0, "exit after drawing this many frames (0: run until the window is closed)")
	flags.StringVar(&c.screenshot, "screenshot", "", "with --frames: save the last frame as a PNG file")
	flags.IntVar(&c.lesson, "lesson", 0, fmt.Sprintf("open this lesson (its number, 1..%d)", len(lessons.Bundled())))
	flags.IntVar(&c.step, "step", 0, "with --lesson: open it at this step (default: where it was left)")
	flags.StringVar(&c.progress, "progress", defaultProgressFile(), "the file that keeps lesson progress between runs (\"\": keep none)")
	link := flags.String("link", "", "open a share link: a RaftLab URL with #v1. in it, the part from v1., or a file that holds one (raftlab-link.txt)")
	flags.StringVar(&c.linkBase, "link-base", defaultLinkBase, "the address the share links this app makes start with: where the browser build is served")
	lang := flags.String("lang", "", "the language: en or zh-CN (default: the one last chosen, else the system's)")
	flags.BoolVar(&c.present, "present", false, "start in presenter mode, full screen: large type and strong colours for a projector (F5 turns it on and off)")
	flags.BoolVar(&c.notes, "notes", false, "the speaker notes window, which reads the app's notes from stdin (the app starts it when the presenter presses N)")
	flags.StringVar(&c.prefs, "prefs", configFile("prefs.json"), "the file that keeps preferences (theme, welcome seen) between runs (\"\": keep none)")
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stdout, usage)
			flags.SetOutput(stdout)
			flags.PrintDefaults()
		}
		return c, err
	}
	switch {
	case flags.NArg() > 0:
		return c, fmt.Errorf("unexpected argument %q (a scenario goes after --scenario)", flags.Arg(0))
	case c.width < 200 || c.width > 16384:
		return c, fmt.Errorf("--width must be 200..16384, not %d", c.width)
	case c.height < 200 || c.height > 16384:
		return c, fmt.Errorf("--height must be 200..16384, not %d", c.height)
	case c.lesson < 0:
		return c, fmt.Errorf("--lesson must be a lesson number, not %d", c.lesson)
	case c.step < 0 || (c.step > 0 && c.lesson == 0):
		return c, fmt.Errorf("--step %d: a step number (from 1) for the lesson that --lesson opens", c.step)
	case c.frames < 0:
		return c, fmt.Errorf("--frames must be 0 or more, not %d", c.frames)
	case c.screenshot != "" && c.frames == 0:
		return c, errors.New("--screenshot needs --frames N: the frame to save")
	case c.notes && (*scenario != "" || *link != "" || c.lesson != 0 || c.present):
		return c, errors.New("--notes is the speaker notes window: it takes no --scenario, --link, --lesson or --present")
	case c.screenshot != "" && !strings.EqualFold(filepath.Ext(c.screenshot), ".png"):
		return c, fmt.Errorf("--screenshot %s: the file name must end in .png", c.screenshot)
	}
	if c.screenshot != "" {
		if err := os.MkdirAll(filepath.Dir(c.screenshot), 0o755); err != nil {
			return c, fmt.Errorf("--screenshot %s: %v", c.screenshot, err)
		}
	}
	if *lang != "" {
		var err error
		if c.lang, err = i18n.Parse(*lang); err != nil {
			c.badLang = *lang
		}
	}
	if *link != "" {
		if *scenario != "" || c.lesson != 0 {
			return c, errors.New("--link sets its own world and lesson: it cannot be combined with --scenario or --lesson")
		}
		text, err := readLinkArg(*link)
		if err != nil {
			return c, fmt.Errorf("--link %s: %w", *link, unwrapPathError(err))
		}
		l, err := lab.New().DecodeLink(text)
		if err != nil {
			return c, fmt.Errorf("--link: %w", err)
		}
		c.link = &l
	}
	if err := playground.CheckLinkBase(c.linkBase); err != nil {
		return c, fmt.Errorf("--link-base %w", err)
	}
	if *scenario != "" {
		sc, err := loadScenario(*scenario)
		if err != nil {
			return c, err
		}
		c.scenario = sc
	}
	return c, nil
}

// loadScenario reads a scenario file, or a bundled scenario by name.
func loadScenario(arg string) (*view.Scenario, error) {
	looksLikePath := strings.ContainsAny(arg, `/\`) || strings.HasSuffix(strings.ToLower(arg), ".json")
	data, err := readScenario(arg)
	switch {
	case err == nil:
		sc, err := playground.ParseScenario(data)
		if err != nil {
			return nil, fmt.Errorf("scenario %s: %w", arg, err)
		}
		return sc, nil
	case looksLikePath || !errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("scenario %s: %w", arg, unwrapPathError(err))
	}
	sc, err := playground.LoadBundled(arg)
	if err != nil {
		return nil, fmt.Errorf("scenario %s: no such file, and %w", arg, err)
	}
	return sc, nil
}

// readScenario reads a scenario file, at most the playground's limit (so
// that --scenario /dev/zero is refused, not read without end).
func readScenario(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return playground.ReadScenarioFile(f)
}

// unwrapPathError drops the path from a *fs.PathError: the message already
// names the file.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func run(args []string, stdout, stderr io.Writer) int {
	c, err := parseArgs(args, stdout)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "raftlab: %v\n", err)
		return 2
	}
	if c.notes {
		return runNotes(c, os.Stdin, stdout, stderr)
	}
	opts := ui.Options{Lab: lab.New(), Scenario: c.scenario, Save: saveFile, Picture: picture.Export, Share: linkSaver(c.linkBase, stdout), Link: c.link, Lesson: c.lesson, Step: c.step, Lang: c.lang, CJKFont: installCJKFont(stderr)}
	if c.progress != "" {
		opts.Progress = fileStore{c.progress}
	}
	if c.prefs != "" {
		opts.Prefs = fileStore{c.prefs}
	}
	var unknownLocale string
	opts.SystemLang, unknownLocale = systemLang(os.Getenv)
	switch {
	case c.badLang != "":
		fmt.Fprintf(stderr, "raftlab: %s\n", i18n.English.T("app.language.notice", c.badLang))
	case unknownLocale != "" && ui.ChooseLang(c.lang, opts.Prefs, "") == i18n.English:
		fmt.Fprintf(stderr, "raftlab: %s\n", i18n.English.T("app.language.notice", unknownLocale))
	}
	opts.Results = resultStore(c.progress)
	notes := newNotesChild(stderr)
	var g *ui.Game
	opts.Present, opts.Fullscreen, opts.Notes = c.present, ebiten.SetFullscreen, notes.show
	opts.OpenNotes = func() error { return notes.open(g.Lang()) }
	g, err = ui.New(opts)
	if err != nil {
		fmt.Fprintf(stderr, "raftlab: %v\n", err)
		return 2
	}
	if c.present {
		ebiten.SetFullscreen(true)
	}
	return runWindow(&app{game: g, frames: c.frames, screenshot: c.screenshot, stderr: stderr}, g.Lang().T("app.title"), c, stdout, stderr)
}

// runWindow runs a window (the app's, or the notes') and reports how it
// ended.
func runWindow(a *app, title string, c config, stdout, stderr io.Writer) int {
	ebiten.SetWindowTitle(title)
	ebiten.SetWindowSize(c.width, c.height)
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	if err := runGame(a); err != nil {
		hint := ""
		if runtime.GOOS != "windows" && runtime.GOOS != "darwin" && os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
			hint = " (DISPLAY is not set: on a machine without a screen, run it under xvfb-run -a)"
		}
		fmt.Fprintf(stderr, "raftlab: %v%s\n", oneLine(err), hint)
		return 1
	}
	if a.shotErr != nil {
		fmt.Fprintf(stderr, "raftlab: --screenshot %s: %v\n", c.screenshot, a.shotErr)
		return 1
	}
	if c.screenshot != "" {
		fmt.Fprintf(stdout, "raftlab: saved frame %d to %s\n", c.frames, c.screenshot)
	}
	return 0
}

// runGame runs the game, turning a panic of the windowing layer (no
// display, no OpenGL) into an error.
func runGame(a *app) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("cannot open a window: %v", r)
		}
	}()
	return ebiten.RunGame(a)
}

func oneLine(err error) string { return strings.Join(strings.Fields(err.Error()), " ") }

// app wraps the playground: it counts frames, saves the screenshot and
// stops after --frames, loads dropped scenario files, and tells the
// playground when the window is minimized.
type app struct {
	game       ebiten.Game
	frames     int // stop after this many frames; 0 = never
	screenshot string
	stderr     io.Writer

	drawn   int
	done    bool
	shotErr error
}

func (a *app) Update() error {
	if a.done {
		return ebiten.Termination
	}
	// A minimized window pauses the simulation (ui's hidden.go); the
	// notes window has none to pause.
	if g, ok := a.game.(*ui.Game); ok {
		g.SetHidden(ui.WindowMinimized, ebiten.IsWindowMinimized())
	}
	return a.game.Update()
}

func (a *app) Draw(screen *ebiten.Image) {
	a.game.Draw(screen)
	a.drawn++
	if a.frames > 0 && a.drawn == a.frames {
		if a.screenshot != "" {
			a.shotErr = savePNG(screen, a.screenshot)
		}
		a.done = true
	}
}

func (a *app) Layout(w, h int) (int, int) { return a.game.Layout(w, h) }

// saveFile saves an exported session or a picture in the current
// directory, under a name that does not overwrite an earlier one.
func saveFile(name string, data []byte) error {
	path, err := writeNew(name, data)
	if err == nil {
		fmt.Fprintf(os.Stderr, "raftlab: saved %s\n", path)
	}
	return err
}

// writeNew writes data to a new file at path, or at path-2, path-3... (before
// the extension) when that exists, and returns the path it wrote.
func writeNew(name string, data []byte) (string, error) {
	ext := filepath.Ext(name)
	base := strings.TrimSuffix(name, ext)
	for i := 1; ; i++ {
		path := name
		if i > 1 {
			path = fmt.Sprintf("%s-%d%s", base, i, ext)
		}
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		if _, err := f.Write(data); err != nil {
			f.Close()
			return "", err
		}
		return path, f.Close()
	}
}

// savePNG writes the screen as it stands (it must be called in Draw).
func savePNG(screen *ebiten.Image, path string) error {
	b := screen.Bounds()
	img := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	screen.ReadPixels(img.Pix)
	// The screen is opaque, so its premultiplied pixels are plain RGBA;
	// force full alpha all the same so that viewers show what the window
	// showed.
	for i := 3; i < len(img.Pix); i += 4 {
		img.Pix[i] = 0xff
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
