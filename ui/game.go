package ui

import (
	"cmp"
	"fmt"
	"io/fs"
	"math"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// Options configure a Game.
type Options struct {
	// Lab runs the scenarios and lessons the game shows (required).
	Lab Lab
	// Scenario to load; nil starts a five-node sandbox.
	Scenario *view.Scenario
	// Empty draws nothing but the background: the baseline for frame-rate
	// measurements.
	Empty bool
	// Embed shows the cluster alone under a strip with the play control,
	// for a page that embeds RaftLab in a frame (embed.go).
	Embed bool
	// Save, when set, stores a session exported as a scenario file (the
	// desktop writes a file, the browser downloads one).
	Save func(name string, data []byte) error
	// Share, when set, hands out a share link (a URL fragment, without
	// the #): the browser puts it in the address bar and copies it, the
	// desktop saves it to a file, whose name it returns, and prints it.
	Share func(fragment string) (saved string, err error)
	// Link, when set, is a share link to open: its scenario, moment,
	// lesson and step, speed and language (Lang, when set, still wins)
	// take the place of Scenario, Lesson and Step.
	Link *view.Link
	// Open, when set, shows a file picker whose choice comes back through
	// LoadScenario (the browser; the desktop loads dropped files and flags).
	Open func()
	// Progress, when set, keeps the learner's lesson progress between
	// visits.
	Progress Store
	// Prefs, when set, keeps the learner's preferences between visits.
	Prefs Store
	// Lesson, when not 0, opens that lesson (by its number) at Step
	// (1-based; 0 resumes where the learner left it): a link a teacher can
	// hand out.
	Lesson, Step int
	// Results, when set, hands an assessment's result to the learner.
	Results ResultStore
	// Lang is the language the link or the command line asks for ("":
	// none); it wins over the remembered choice. SystemLang is the
	// browser's or the system's language, used when neither says (see
	// ChooseLang).
	Lang, SystemLang i18n.Lang
	// CJKFont, when set, asks the host for the Chinese fonts (see
	// SetCJKFont): when Chinese is chosen or first drawn. The host installs
	// them and reports through FontProgress and FontLoaded, or installs
	// them before it returns (the desktop, from its binary).
	CJKFont func()
	// Picture, when set, draws a run as an animation (a name ending in
	// .gif) or a slide (.svg): sess's time from..to, titled, in a language
	// and theme (internal/picture.Export). The save menu hands it a replay
	// of the session, on another goroutine.
	Picture func(name, title string, sess view.Session, from, to int64, lang i18n.Lang, light bool) ([]byte, error)
	// Present starts in presenter mode (present.go); the host puts the
	// window in full screen itself, if it can (a browser allows that
	// only after a key or a click).
	Present bool
	// Fullscreen, when set, puts the window in full screen or takes it
	// out: presenter mode does as it is turned on and off.
	Fullscreen func(on bool)
	// Notes, when set, is told the speaker notes of the step on screen
	// whenever they change (notes.go): the host shows them in a second
	// window or tab. OpenNotes, when set, opens that window (N in
	// presenter mode), or says why it cannot.
	Notes     func(NotesDoc)
	OpenNotes func() error
	// LoadEngine, when set, reloads the app in a build that has engine e
	// (Lab.HasEngine says whether this one has it), opening there what
	// open holds: a new run (its scenario, from its start), or a lesson at
	// a step (0: where the learner left it); or it says why it cannot. The
	// browser's default build leaves etcd's engine out, and fetches it
	// only when it is needed. Nil where every engine is built in (the
	// desktop app).
	LoadEngine func(e view.Engine, open view.Link) error
}

// The playback speeds are doc.Speeds (a lesson may ask for any of
// them), and g.speed is an index into it; the default, 1/50x, shows single
// messages crossing the screen in about half a second, as RaftScope does.
var defaultSpeed = speedIndex(doc.DefaultSpeed)

// speedIndex is the index of a speed (virtual ms per real second) in
// doc.Speeds; a speed not in the list (the lessons package checks that
// none is) gives the default.
func speedIndex(v int) int {
	if i := slices.Index(doc.Speeds, v); i >= 0 {
		return i
	}
	return slices.Index(doc.Speeds, doc.DefaultSpeed)
}

// traceWindow is how many of the newest events the game keeps: the feed
// shows far fewer, and the timeline's markers are kept apart, so an hour's
// session stays within a bounded memory.
const traceWindow = 50_000

// Game is the visual playground.
type Game struct {
	opts     Options
	scenario *view.Scenario
	// lang is the language the app speaks (SetLang).
	lang i18n.Lang
	// fonts is how the Chinese fonts are coming (fontload.go).
	fonts fontState
	// probe is a line the browser test draws (probe.go).
	probe *probe
	sess  view.Session

	// clock is the virtual time being shown, with a fractional part so
	// messages glide between milliseconds.
	clock  float64
	speed  int
	paused bool

	w, h  int
	scale float64
	lay   Layout
	spr   *sprites

	selected view.ID
	menu     *menu
	// chips are the messages waiting on the links in manual network
	// mode, as placed for this frame (manual.go).
	chips []chip
	// saving is the save menu's work in hand (savemenu.go).
	saving saving
	// status is the status line's message (Update takes it away
	// statusFor after it was said).
	status statusLine
	// hidden follows the tab or window being hidden (hidden.go).
	hidden hiddenState
	// uptime is the app's own time, counted in ticks (uptime.go): the
	// long-press, the status line and the pointers' pulse are timed by it.
	uptime uptime
	// drawn counts the frames drawn, for the browser tests that wait for
	// a fresh frame (Frames, Ready) and for the text sprites' age; nothing
	// else reads it.
	drawn int
	// screen is the screen's size as Layout last reported it, which
	// Update lays out to (zero until ebiten first asks).
	screen screenSize
	// touch follows a finger, for long-presses.
	touch touchState
	hover hoverState

	// keyScratch is reused to build the keys of the panels drawn into
	// images (see panelCache); texts are the text sprites.
	keyScratch keyBuf
	texts      textSprites
	// opaque and ground are reused by fillGround (ground.go).
	opaque, ground []Rect
	// layIDs are the nodes the layout was computed for, layLang the
	// language (the top bar's labels).
	layIDs  []view.ID
	layLang i18n.Lang
	// present is presenter mode (present.go); layPresent what of it the
	// layout was computed for.
	present    presenter
	layPresent presentKey
	// notesSent are the speaker notes last handed to Options.Notes.
	notesSent *NotesDoc
	settings  *settingsPanel
	client    clientPanel
	part      *partitionTool
	// progress is the learner's lesson progress (progress.go).
	progress progressStore
	// prefs are the learner's preferences, loaded in New.
	prefs Prefs
	// score is the score of the assessment being run.
	score *assessment
	// lesson is the open lesson panel, nil in free play.
	lesson *lessonPanel
	// incoming is what a front end hands over from another goroutine (a
	// browser callback), taken at the next update: a scenario file
	// (LoadScenario), a share link (LoadLink), the news that the last link
	// handed out was copied (LinkCopied).
	// opening is the moment of a share link being opened: its scenario
	// runs there a slice each update (share.go); 0 when none is.
	opening int64
	// reloading is set once the host is reloading the app in another
	// build (otherbuild.go): what opens here no longer speaks over it.
	reloading bool
	incoming  struct {
		sync.Mutex
		name   string
		data   []byte
		link   string
		copied bool
	}

	// The panels, each with its own state; panels lists them bottom to
	// top (panel.go), in panelList.
	cluster   clusterPanel
	logs      logsPanel
	safety    safetyPanel
	inspector inspectorPanel
	feed      feedPanel
	welcome   welcomePanel
	card      cardPanel
	lin       linPanel
	// breaker is the search for a way to break the cluster (breaksearch.go).
	breaker   breaker
	timeline  timelinePanel
	diagram   diagramPanel
	top       topBar
	help      helpPanel
	panelList []panel
}

// New creates the playground game.
func New(opts Options) (*Game, error) {
	if l := opts.Link; l != nil {
		opts.Scenario, opts.Lesson, opts.Step = l.Scenario, 0, 0
		opts.Lang = cmp.Or(opts.Lang, l.Lang)
	}
	sc := opts.Scenario
	if sc == nil {
		sc = sandboxScenario()
	}
	sess, err := opts.Lab.Start(sc)
	if err != nil {
		return nil, i18n.Errorf("start.scenario.failed", sc.Name, err)
	}
	g := &Game{opts: opts, speed: defaultSpeed, scale: 1}
	g.cluster.g, g.logs.g, g.safety.g, g.inspector.g, g.feed.g = g, g, g, g, g
	g.welcome.g, g.card.g, g.timeline.g, g.top.g, g.help.g, g.client.g = g, g, g, g, g, g
	g.lin.g = g
	g.diagram.g = g
	g.prefs = loadPrefs(opts.Prefs)
	g.lang = ChooseLang(opts.Lang, opts.Prefs, opts.SystemLang)
	g.fonts.gen = fontGeneration()
	if g.lang == i18n.Chinese {
		// Before the world is built: the download runs alongside the start.
		cjkWanted.Store(true)
		g.requestCJKFont()
	}
	g.welcome.open = wantsWelcome(opts, g.prefs) && !opts.Embed
	g.start(sc, sess)
	if opts.Present {
		g.present.on = true
		applyPresentTheme(true)
	}
	if opts.Lesson != 0 {
		if err := g.openLesson(opts.Lesson, opts.Step); err != nil {
			return nil, err
		}
	}
	if opts.Link != nil {
		if err := g.showLink(opts.Link); err != nil {
			return nil, err
		}
	}
	// Draw paints every pixel of every frame (ground.go): Ebiten's clearing
	// of the screen first would be a whole screen of wasted fill.
	ebiten.SetScreenClearedEveryFrame(false)
	return g, nil
}

// sandboxTimerStartPct is how far along the sandbox's election timers
// start, in percent of the shortest timeout (see
// view.Settings.ElectionTimerStartPct): 130 of 150 ms, so that with
// the default seed the first server times out at 29 virtual ms, under 1.5
// s at the default 1/50x, and a newcomer sees an election under way at
// once instead of five idle followers for seven seconds. (A share, so the
// settings dialog can shorten the timeouts of a new sandbox run.)
const sandboxTimerStartPct = 87

// sandboxName is the name of the free-play cluster's scenario: the
// name scripts and saved files know it by (the top bar shows it in the
// app's language).
const sandboxName = "Sandbox"

// sandboxSnapshotEvery is how often the sandbox's servers snapshot: every
// 100 entries, as a long-lived cluster compacts its log (etcd: every
// 10,000), so that an hour of client load keeps logs, disks and the
// session's memory small (BenchmarkHourSession).
const sandboxSnapshotEvery = 100

// sandboxScenario is the free-play cluster the app opens on.
func sandboxScenario() *view.Scenario {
	s := view.DefaultSettings()
	s.ElectionTimerStartPct = sandboxTimerStartPct
	s.SnapshotEvery = sandboxSnapshotEvery
	return &view.Scenario{Name: sandboxName, Settings: s, Until: math.MaxInt32}
}

// Sandbox is the free-play cluster the app opens on, for a host's page
// that adds steps to it (the browser's memory benchmark, ?rate=N).
func Sandbox() *view.Scenario { return sandboxScenario() }

// start shows a new run of a scenario from its first moment.
func (g *Game) start(sc *view.Scenario, sess view.Session) {
	g.scenario, g.sess = sc, sess
	g.sess.SetTraceWindow(traceWindow)
	g.clock, g.selected, g.menu, g.cluster.highlight = 0, 0, nil, nil
	g.timeline.markers = timelineMarkers{}
	g.layIDs = nil
	if g.lesson != nil {
		g.speed = g.lesson.sandboxSpeed
	}
	g.lesson = nil
	g.lin.open = false
	g.breaker.result = nil
}

// load starts a scenario, or returns why it cannot (the current run is
// kept).
func (g *Game) load(sc *view.Scenario) error {
	sess, err := g.opts.Lab.Start(sc)
	if err != nil {
		return err
	}
	g.start(sc, sess)
	return nil
}

// LoadScenario parses a scenario file and starts it at the next update. A
// bad file is reported in the status line and changes nothing. It is safe
// to call from another goroutine (a browser callback).
func (g *Game) LoadScenario(name string, data []byte) {
	g.incoming.Lock()
	g.incoming.name, g.incoming.data = name, data
	g.incoming.Unlock()
}

// takeIncoming starts a scenario handed to LoadScenario or a link handed
// to LoadLink, and says that a link was copied.
func (g *Game) takeIncoming() {
	g.incoming.Lock()
	name, data, link, copied := g.incoming.name, g.incoming.data, g.incoming.link, g.incoming.copied
	g.incoming.data, g.incoming.link, g.incoming.copied = nil, "", false
	g.incoming.Unlock()
	if data != nil {
		g.loadFile(name, data)
	}
	if link != "" {
		g.loadLink(link)
	}
	if copied {
		g.say(g.tr("status.share.copied"))
	}
}

// loadFile starts a scenario file, or says why not.
func (g *Game) loadFile(name string, data []byte) {
	sc, err := g.opts.Lab.ParseScenario(data)
	if err == nil {
		err = g.load(sc)
	}
	if err != nil {
		g.say(g.tr("status.file-error", name, i18n.ErrorIn(err, g.lang)))
		return
	}
	g.say(g.tr("status.loaded", name))
}

// exportScenario is the session so far as a scenario file.
func (g *Game) exportScenario() ([]byte, error) {
	return g.opts.Lab.MarshalScenario(g.sessionScenario())
}

// sessionScenario is the session so far as a scenario: the settings and
// every step taken, so that it replays exactly.
func (g *Game) sessionScenario() *view.Scenario {
	sc := *g.scenario
	sc.Actions = g.sess.Actions()
	// Until covers what was played and the script still to come (a save
	// before a scripted step keeps the step).
	sc.Until = max(g.sess.Horizon(), 1)
	if n := len(sc.Actions); n > 0 {
		sc.Until = max(sc.Until, sc.Actions[n-1].At)
	}
	if sc.Name == sandboxName {
		sc.Name = g.tr("save.session-name") // the learner's words, shown when it is opened
	}
	return &sc
}

// save exports the session through the front end, says how it went and
// reports whether it was saved.
func (g *Game) save() bool {
	if g.opts.Save == nil {
		g.say(g.tr("status.save.unavailable"))
		return false
	}
	data, err := g.exportScenario()
	if err == nil {
		err = g.opts.Save("raftlab-session.json", data)
	}
	if err != nil {
		g.say(g.tr("status.save.failed", i18n.ErrorIn(err, g.lang)))
		return false
	}
	g.say(g.tr("status.saved"))
	return true
}

// view is what the screen shows of the world at the present.
func (g *Game) view() *view.World { return g.sess.View() }

// screenSize is a screen of w x h physical pixels at scale physical
// pixels per logical pixel.
type screenSize struct {
	w, h  int
	scale float64
}

// Layout implements ebiten.Game: the screen is the window's size in
// physical pixels, so text and shapes are crisp on high-DPI screens. It
// records the size; the next Update lays the screen out to it (ebiten
// runs an Update after every change of size, before the next Draw).
func (g *Game) Layout(outsideWidth, outsideHeight int) (int, int) {
	s := ebiten.Monitor().DeviceScaleFactor()
	if s <= 0 {
		s = 1
	}
	g.screen = screenSize{int(float64(outsideWidth) * s), int(float64(outsideHeight) * s), s}
	if g.opts.Embed {
		g.screen.scale *= embedShrink(outsideWidth, outsideHeight)
	}
	return g.screen.w, g.screen.h
}

// setLayout lays out a screen of w x h physical pixels at scale s, for
// the servers there are, in the app's language (the top bar's labels have
// its widths), and places the messages in flight on it.
func (g *Game) setLayout(w, h int, s float64) {
	g.w, g.h, g.scale = w, h, s
	if g.opts.Embed {
		g.lay = embedLayoutIn(g.lang, w, h, s, g.view().IDs())
	} else {
		g.lay = computeLayoutIn(g.lang, w, h, s, g.view().IDs(), g.opts.Open != nil)
		if g.present.on {
			g.lay.presentLayout(g.view().IDs(), g.present.hidesPanels())
		}
	}
	g.layLang, g.layIDs, g.layPresent = g.lang, g.view().IDs(), g.present.key()
	g.placeMessages()
}

// fitScreen lays the screen out again when its size, the servers, the
// language or presenter mode changed since it was laid out (without a
// screen from Layout, as in tests, at the size it was laid out at).
// Presenter mode zooms the host's scale (presentScale). It reports
// whether it did.
func (g *Game) fitScreen() bool {
	sc := g.screen
	switch {
	case sc.w == 0:
		sc = screenSize{g.w, g.h, g.scale}
	case g.present.on:
		sc.scale = presentScale(sc.w, sc.h, sc.scale)
	}
	if sc.w <= 0 || sc.h <= 0 {
		return false
	}
	if sc == (screenSize{g.w, g.h, g.scale}) && g.layLang == g.lang && slices.Equal(g.layIDs, g.view().IDs()) && g.layPresent == g.present.key() {
		return false
	}
	g.setLayout(sc.w, sc.h, sc.scale)
	return true
}

// settle brings what the screen shows up to date with the state, at the
// end of an update and of each call from outside (the browser tests'
// hooks), so that Draw only draws: it keeps what the trace will forget
// (the feed's memory, the timeline's markers), lays the screen out again
// if needed, places the messages in flight where they are now, and lays
// out the lesson panel (which may scroll it to the step's explanation).
func (g *Game) settle() {
	g.feed.mem.sync(g.sess)
	g.timeline.markers.update(g.sess)
	if !g.fitScreen() {
		g.placeMessages()
	}
	if g.lesson != nil && len(g.lay.Buttons) > 0 {
		g.lessonLaidOut()
	}
}

// Update implements ebiten.Game: it handles input, then advances the
// simulation by the playback speed.
func (g *Game) Update() error {
	if g.opts.Empty {
		return nil
	}
	before := g.uptime.now()
	g.uptime.tick()
	g.expireStatus()
	g.followHidden()
	g.takeIncoming()
	g.takeDropped()
	g.takePicture()
	g.fitScreen() // clicks hit what the screen shows now
	g.requestCJKFont()
	g.fontTick()
	switch {
	case g.opening > 0:
		if inpututil.IsKeyJustPressed(ebiten.KeyEscape) {
			g.stopOpening()
		} else {
			g.openingStep()
		}
	case !g.card.takeCardInput():
		g.handleInput()
	}
	if !g.manualClock() && !g.paused && !g.timeline.scrubbing {
		g.clock += float64(doc.Speeds[g.speed]) * (g.uptime.now() - before).Seconds()
		if g.clock > float64(g.scenario.Until) {
			g.clock = float64(g.scenario.Until)
		}
		g.runTo(int64(g.clock))
	}
	g.breakTick()
	g.lessonTick()
	g.keepScore()
	g.settle()
	g.sendNotes()
	return nil
}

// takeDropped loads a scenario file dropped on the window.
func (g *Game) takeDropped() {
	files := ebiten.DroppedFiles()
	if files == nil {
		return
	}
	entries, err := fs.ReadDir(files, ".")
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		data, err := fs.ReadFile(files, e.Name())
		if err != nil {
			g.say(g.tr("status.file-error", e.Name(), i18n.ErrorIn(err, g.lang)))
			return
		}
		g.loadFile(e.Name(), data)
		return
	}
	g.say(g.tr("status.drop-json"))
}

// act carries out a step now, reporting a refusal in the status line.
func (g *Game) act(st view.Action) {
	g.sess.RunUntil(int64(g.clock))
	g.clock = float64(g.sess.Now())
	if g.sess.Horizon() > g.sess.Now() {
		g.timeline.markers.forget(g.sess.Now(), g.sess.TraceLen()) // history forks here
	}
	if err := g.sess.Do(st); err != nil {
		g.say(i18n.ErrorIn(err, g.lang))
	}
}

// statusLine is the status line's message and when it was said.
type statusLine struct {
	text string
	at   time.Duration
}

// statusFor is how long a message shows in the status line.
const statusFor = 6 * time.Second

// say shows a message in the status line for statusFor.
func (g *Game) say(msg string) {
	g.status.text, g.status.at = msg, g.uptime.now()
}

// Status is the status line's message while it shows, or "": what the
// browser tests read of it.
func (g *Game) Status() string { return g.status.text }

// expireStatus takes the status line's message away once it has shown
// for statusFor.
func (g *Game) expireStatus() {
	if g.status.text != "" && g.uptime.now()-g.status.at >= statusFor {
		g.status.text = ""
	}
}

// seek moves the present to virtual time t.
func (g *Game) seek(t float64) {
	lo := 0.0
	if p := g.lessonPlay(); p != nil {
		lo = float64(p.StartMs()) // a lesson's step begins there
	}
	t = math.Max(lo, math.Min(t, float64(g.sess.Horizon())))
	// The feed keeps the events it has not yet seen before a seek back
	// replaces the trace with a window of replayed seconds.
	g.feed.mem.sync(g.sess)
	g.sess.SeekTo(int64(t))
	g.clock = t
}

// stepEvent runs to the next scheduled event and pauses.
func (g *Game) stepEvent() {
	g.paused = true
	if at, ok := g.sess.NextEventAt(); ok {
		g.runTo(at)
		g.clock = float64(g.sess.Now())
	}
}

func (g *Game) togglePause() { g.paused = !g.paused }

func (g *Game) faster() { g.speed = min(g.speed+1, len(doc.Speeds)-1) }
func (g *Game) slower() { g.speed = max(g.speed-1, 0) }

// speedLabel renders the playback speed as a fraction of real time.
func (g *Game) speedLabel() string { return doc.SpeedLabel(doc.Speeds[g.speed]) }

// clientWrite has a client write the next value of key x, sent where the
// client panel says (the leader, unless a server was chosen there).
func (g *Game) clientWrite() {
	g.client.writes++
	g.act(view.Action{Do: "put", Key: "x", Value: fmt.Sprint(g.client.writes), Node: g.client.target})
}

func (g *Game) clientRead() {
	g.act(view.Action{Do: "get", Key: "x", Node: g.client.target})
}

// restartLeader crashes the leader, or restarts the first node that is
// down: the "r" key.
func (g *Game) restartLeader() {
	w := g.view()
	if id, ok := w.Leader(); ok {
		g.act(view.Action{Do: "crash", Node: id})
		return
	}
	for _, n := range w.Nodes {
		if !n.Up {
			g.act(view.Action{Do: "restart", Node: n.ID})
			return
		}
	}
	g.say(g.tr("status.no-leader-to-crash"))
}

// addNode adds a server under the lowest ID never used (a removed server's
// ID is never reused).
func (g *Game) addNode() {
	if id, ok := g.sess.FreeID(); ok {
		g.act(view.Action{Do: "addNode", Node: view.ID(id)})
		return
	}
	g.say(g.tr("status.ids-used", view.MaxNodes))
}

// SeekTo moves the playground to virtual time ms (within the history run
// so far, or forward by running it), as the timeline does.
func (g *Game) SeekTo(ms int64) {
	if ms > g.sess.Horizon() {
		g.sess.RunUntil(ms)
	}
	g.seek(float64(ms))
	g.settle()
}
