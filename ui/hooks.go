package ui

import (
	"encoding/json"
	"math"
	"strings"

	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// The automation hooks let end-to-end tests check real state and click on
// real positions: the browser build exposes them as window.raftlab.

// Ready reports whether the first frame has been drawn and a share link
// being opened shows its moment.
func (g *Game) Ready() bool { return g.drawn > 0 && g.opening == 0 }

// RunFor runs the simulation ms virtual milliseconds ahead at once (in a
// lesson, through its step, which stops where its condition first holds),
// with the view following; it returns the new time.
func (g *Game) RunFor(ms int64) int64 {
	g.runTo(g.sess.Now() + ms)
	g.clock = float64(g.sess.Now())
	g.settle()
	return g.sess.Now()
}

// Frames counts the frames drawn.
func (g *Game) Frames() int { return g.drawn }

// stateDoc is what StateJSON adds to the run's state.
type stateDoc struct {
	NowMs  int64 `json:"nowMs"`
	Paused bool  `json:"paused"`
	// Engine is the Raft the servers run: "raftlab" or "etcd".
	Engine   string     `json:"engine"`
	Speed    string     `json:"speed"`
	Network  networkDoc `json:"network"`
	InFlight int        `json:"inFlight"`
	Selected view.ID    `json:"selected"`
	Menu     []string   `json:"menu"`
	// Lesson is the lesson panel: null while it is closed.
	Lesson *lessonStateDoc `json:"lesson"`
	// ClientTarget is where the client panel sends requests: a server, or
	// 0 for the leader the client believes in.
	ClientTarget view.ID `json:"clientTarget"`
	// Welcome is whether the first-visit welcome card shows.
	Welcome bool `json:"welcome"`
	// Help is whether the help overlay is open.
	Help bool `json:"help"`
	// Theme is the palette in use: "dark", "light" or "presenter".
	Theme string `json:"theme"`
	// Present is whether presenter mode is on; Blank and Spotlight
	// whether it blanks the screen or dims it around the pointer, and
	// Panels whether it shows the feed and the inspector.
	Present   bool `json:"present"`
	Blank     bool `json:"blank"`
	Spotlight bool `json:"spotlight"`
	Panels    bool `json:"panels"`
	// Lang is the language the app speaks; Font is the Chinese fonts'
	// state: "none", "loading", "ready" or "failed".
	Lang string `json:"lang"`
	Font string `json:"font"`
	// Status is the status line's message ("" when none shows).
	Status string `json:"status"`
	// Challenge is the scenario's challenge and its verdict: null when it
	// sets none.
	Challenge *challengeDoc `json:"challenge"`
	// Lin is the linearizability panel: null while it is closed.
	Lin *linStateDoc `json:"lin"`
	// Manual is manual network mode and the messages waiting on each link.
	Manual manualDoc `json:"manual"`
	// Diagram is the space-time diagram panel (diagramhooks.go).
	Diagram diagramStateDoc `json:"diagram"`
}

// challengeDoc is a challenge as the card shows it: the goal, the state
// ("open", "passed", "failed"), when it was decided, the result code of a
// pass and why it failed, in the app's language.
type challengeDoc struct {
	Goal  string `json:"goal"`
	State string `json:"state"`
	AtMs  int64  `json:"atMs"`
	Code  string `json:"code,omitempty"`
	Why   string `json:"why,omitempty"`
}

// lessonStateDoc is what the lesson panel shows: the list of lessons
// (number 0), or lesson number at step (1-based) of steps, of its kind;
// done is whether the step is over (Continue, or Finish on the last step,
// shows), answered whether a predict step has been answered and correct
// whether the answer was what happened, once the run has shown it.
type lessonStateDoc struct {
	Number   int    `json:"number"`
	Title    string `json:"title,omitempty"`
	Step     int    `json:"step"`
	Steps    int    `json:"steps"`
	Kind     string `json:"kind,omitempty"`
	Last     bool   `json:"last"`
	Done     bool   `json:"done"`
	Answered bool   `json:"answered"`
	Correct  bool   `json:"correct"`
	// Progress is the learner's progress in the course, as remembered.
	Progress []doc.LessonProgress `json:"progress"`
}

type networkDoc struct {
	Cuts   [][2]view.ID `json:"cuts"`
	Groups []int        `json:"groups"`
}

// StateJSON is the playground's state: the result document of `raftsim run
// --json` (without the linearizability verdict) and what the view shows.
func (g *Game) StateJSON() ([]byte, error) {
	w := g.sess
	d := stateDoc{NowMs: w.Now(), Paused: g.paused, Speed: g.speedLabel(), InFlight: len(w.InFlight()), Selected: g.selected, Menu: []string{}}
	v := g.view()
	net := &v.Net
	d.Network.Cuts = [][2]view.ID{}
	for _, a := range v.IDs() {
		d.Network.Groups = append(d.Network.Groups, net.Group(a))
		for _, b := range v.IDs() {
			if a != b && net.IsCut(a, b) {
				d.Network.Cuts = append(d.Network.Cuts, [2]view.ID{a, b})
			}
		}
	}
	if g.menu != nil {
		for _, it := range g.menu.items {
			d.Menu = append(d.Menu, it.Name)
		}
	}
	d.Lesson = g.lessonState()
	d.Engine = g.scenario.Settings.Engine.String()
	d.ClientTarget = g.client.target
	d.Welcome = g.welcome.welcomeShown()
	d.Theme = themeName()
	d.Present, d.Blank, d.Spotlight, d.Panels = g.present.on, g.present.blank, g.present.spotlight, !g.present.hidesPanels()
	d.Help = g.help.open
	d.Lang, d.Font = string(g.lang), g.fontState()
	d.Status = g.status.text
	d.Manual = g.manualState()
	d.Diagram = g.diagramState()
	if v, ok := g.challengeVerdict(); ok {
		d.Challenge = &challengeDoc{Goal: g.scenario.Challenge.Goal, State: v.State.String(), AtMs: v.AtMs, Code: v.Code}
		if v.State == view.Failed {
			d.Challenge.Why = v.Why.In(g.lang)
		}
	}
	d.Lin = g.lin.linState()
	return mergeJSON(w.State(g.scenario.Name), d)
}

// mergeJSON is the JSON object run with the fields of d added.
func mergeJSON(run json.RawMessage, d any) ([]byte, error) {
	fields := map[string]json.RawMessage{}
	if err := json.Unmarshal(run, &fields); err != nil {
		return nil, err
	}
	more, err := json.Marshal(d)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(more, &fields); err != nil {
		return nil, err
	}
	return json.Marshal(fields)
}

// lessonState describes the lesson panel, or is nil while it is closed.
func (g *Game) lessonState() *lessonStateDoc {
	if g.lesson == nil {
		return nil
	}
	progress := append([]doc.LessonProgress{}, g.lessonProgress().Lessons...)
	r := g.lesson.run
	if r == nil {
		return &lessonStateDoc{Progress: progress}
	}
	l := r.Lesson()
	d := &lessonStateDoc{Number: l.Number, Title: l.Title, Step: r.Index() + 1, Steps: len(l.Steps), Kind: string(r.Step().Kind), Last: r.Last(), Progress: progress}
	if pl := g.lessonPlay(); pl != nil {
		d.Done = pl.Done()
		_, d.Answered = pl.Answered()
		if o, ok := pl.Outcome(); ok {
			d.Correct = o.Correct
		}
	}
	return d
}

type box struct {
	Name string  `json:"name,omitempty"`
	X    float64 `json:"x"`
	Y    float64 `json:"y"`
	W    float64 `json:"w"`
	H    float64 `json:"h"`
}

type layoutDoc struct {
	// Scale is physical pixels per CSS pixel; Zoom is how many times
	// presenter mode enlarges everything (1 outside it).
	Scale    float64   `json:"scale"`
	Zoom     float64   `json:"zoom"`
	Nodes    []nodeDoc `json:"nodes"`
	Controls []box     `json:"controls"`
	Links    []linkDoc `json:"links"`
	Menu     []box     `json:"menu"`
	Timeline timeDoc   `json:"timeline"`
	// Lesson is the lesson panel's text: null while the panel is closed.
	Lesson *lessonLayoutDoc `json:"lesson"`
	// Feed is the event feed's panel and the lines it lists, newest first;
	// Inspector is the inspector's panel, null while it is closed.
	Feed      feedLayoutDoc `json:"feed"`
	Inspector *box          `json:"inspector"`
	// Highlights are the lesson step's highlights as drawn now, each
	// named as the step names it ("control client-target", "node 1").
	Highlights []box `json:"highlights"`
	// Title is the box of the app's name in the top bar; Welcome is the
	// welcome card (null while it is closed), and Help the help overlay
	// (null while it is closed) with the legend entries it draws.
	Title   box            `json:"title"`
	Welcome *box           `json:"welcome"`
	Help    *helpLayoutDoc `json:"help"`
	// Labels are the blocks the nodes' names and roles are drawn in, each
	// named after its node ("S1").
	Labels []box `json:"labels"`
	// TopBar is the bar of controls at the top; Settings is the settings
	// dialog, null while it is closed.
	TopBar   box                `json:"topBar"`
	Settings *settingsLayoutDoc `json:"settings"`
	// More are the rows of the top bar's "more" menu while it is open
	// (the controls a narrow window has no room for).
	More []box `json:"more"`
	// Partition is the open partition editor: null while it is closed.
	Partition *partitionLayoutDoc `json:"partition"`
	// Messages are the messages drawn in the last frame.
	Messages []messageDoc `json:"messages"`
	// Lin is the linearizability panel and its bars: null while it is
	// closed.
	Lin *linLayoutDoc `json:"lin"`
	// LinOpener is where a click opens it: null when nothing does.
	LinOpener *box `json:"linOpener"`
	// Chips are the messages waiting on the links in manual network mode,
	// as last placed.
	Chips []chipDoc `json:"chips"`
	// Diagram is the space-time diagram panel (diagramhooks.go).
	Diagram diagramLayoutDoc `json:"diagram"`
}

// settingsLayoutDoc is the settings dialog and its controls.
type settingsLayoutDoc struct {
	Panel    box   `json:"panel"`
	Controls []box `json:"controls"`
}

// helpLayoutDoc is the help overlay and the names of its legend's
// entries ("role leader", "message PreVote").
type helpLayoutDoc struct {
	Panel  box      `json:"panel"`
	Legend []string `json:"legend"`
}

type feedLayoutDoc struct {
	Panel box      `json:"panel"`
	Lines []string `json:"lines"`
	// Rows are the lines of text as drawn, each event's sentence wrapped
	// onto as many as it needs, newest event first.
	Rows []textBox `json:"rows"`
}

// lessonLayoutDoc is the lesson panel and the lines of text laid out in
// it, so that a test can check that every line stays inside the panel:
// ellipsized counts the lines cut short with "…" to fit, and more is true
// when the text runs on below the panel's foot (the learner scrolls to it;
// scroll is how far the text is scrolled now).
type lessonLayoutDoc struct {
	Panel      box       `json:"panel"`
	Texts      []textBox `json:"texts"`
	Ellipsized int       `json:"ellipsized"`
	More       bool      `json:"more"`
	Scroll     float64   `json:"scroll"`
	// Wait is the strip that shows a step's progress while it waits for
	// the simulation: null while none shows.
	Wait *waitStripDoc `json:"wait"`
}

// waitStripDoc is the wait strip: where it is, what it says, and the share
// of the step's wait its bar shows played (0 when it shows none).
type waitStripDoc struct {
	box
	Text     string  `json:"text"`
	Progress float64 `json:"progress"`
}

// textBox is a line of text and the box its glyphs take.
type textBox struct {
	Text string `json:"text"`
	box
}

// timeDoc is the timeline's track and the span of time it shows.
type timeDoc struct {
	box
	StartMs int64 `json:"startMs"`
	EndMs   int64 `json:"endMs"`
}

type nodeDoc struct {
	ID view.ID `json:"id"`
	X  float64 `json:"x"`
	Y  float64 `json:"y"`
	R  float64 `json:"r"`
}

type linkDoc struct {
	A view.ID `json:"a"`
	B view.ID `json:"b"`
	X float64 `json:"x"`
	Y float64 `json:"y"`
}

// LayoutJSON gives the screen positions of nodes, links (their midpoints),
// controls, the open menu and the timeline track, in CSS pixels.
func (g *Game) LayoutJSON() ([]byte, error) {
	s := g.cssScale()
	cb := func(name string, r Rect) box { return box{name, r.X / s, r.Y / s, r.W / s, r.H / s} }
	d := layoutDoc{Scale: s, Zoom: g.scale / s, Nodes: []nodeDoc{}, Controls: []box{}, Links: []linkDoc{}, Menu: []box{}, Timeline: timeDoc{box: cb("", g.lay.Track), EndMs: g.timeline.timelineSpan()}, Labels: []box{}}
	for _, n := range g.lay.Nodes {
		d.Nodes = append(d.Nodes, nodeDoc{n.ID, n.X / s, n.Y / s, n.R / s})
		d.Labels = append(d.Labels, cb(n.ID.Name(), n.labelBox(s)))
	}
	for i, p := range g.lay.Nodes {
		for _, q := range g.lay.Nodes[i+1:] {
			d.Links = append(d.Links, linkDoc{min(p.ID, q.ID), max(p.ID, q.ID), (p.X + q.X) / 2 / s, (p.Y + q.Y) / 2 / s})
		}
	}
	for _, b := range g.lay.Buttons {
		d.Controls = append(d.Controls, cb(b.Name, b.Rect))
	}
	for _, b := range append(append(append(g.feed.feedButtons(), g.client.clientButtons()...), g.partitionButtons()...), append(append(g.lessonButtons(), g.challengeButtons()...), g.breakButtons()...)...) {
		d.Controls = append(d.Controls, cb(b.Name, b.Rect))
	}
	if g.menu != nil {
		for _, it := range g.menu.items {
			d.Menu = append(d.Menu, cb(it.Name, it.Rect))
		}
	}
	d.Lesson = g.lessonLayout(cb)
	d.Partition = g.partitionLayout(cb)
	d.Messages = g.messageDocs(s)
	d.Lin, d.LinOpener = g.lin.linLayout(cb), g.lin.linOpener(cb)
	d.Chips = g.chipDocs(cb)
	d.Controls = append(d.Controls, cb("manual", g.manualSwitch().Rect))
	d.Diagram = g.diagramLayout(cb)
	d.Feed = feedLayoutDoc{Panel: cb("", g.feed.feedArea()), Lines: []string{}, Rows: g.feed.feedRowDocs(cb)}
	for _, i := range g.feed.feedVisible() {
		if e, ok := g.feed.feedEvent(i); ok {
			d.Feed.Lines = append(d.Feed.Lines, e.Text.In(i18n.English))
		}
	}
	if g.inspector.inspecting() {
		b := cb("", g.inspector.inspectorArea())
		d.Inspector = &b
	}
	d.Highlights = g.highlightBoxes(cb)
	g.firstMinuteLayout(&d, cb)
	d.TopBar = cb("", g.lay.TopBar)
	d.More = []box{}
	if g.top.moreOpen {
		for _, b := range g.lay.More {
			d.More = append(d.More, cb(b.Name, b.Rect))
		}
	}
	if g.settings != nil {
		d.Settings = &settingsLayoutDoc{Panel: cb("", g.settingsBox()), Controls: []box{}}
		for _, b := range g.settingsButtons() {
			d.Settings.Controls = append(d.Settings.Controls, cb(b.Name, b.Rect))
		}
	}
	return json.Marshal(d)
}

// highlightBoxes are the boxes around the pointers of the step's
// highlights (a ring or a line by the rectangle around it), so that a
// test can follow a highlight to the thing it points at.
func (g *Game) highlightBoxes(cb func(string, Rect) box) []box {
	out := []box{}
	pl := g.lessonPlay()
	if pl == nil {
		return out
	}
	for _, h := range pl.Highlights() {
		for _, p := range g.pointersFor(nil, h) {
			out = append(out, cb(h.String(), pointerBounds(p)))
		}
	}
	return out
}

// pointerBounds is the rectangle a pointer's shape lies in.
func pointerBounds(p pointer) Rect {
	switch p.shape {
	case ringShape:
		return Rect{p.x - p.r, p.y - p.r, 2 * p.r, 2 * p.r}
	case lineShape:
		return Rect{min(p.x, p.x2), min(p.y, p.y2), math.Abs(p.x2 - p.x), math.Abs(p.y2 - p.y)}
	case groupShape:
		if len(p.hull) == 0 {
			return Rect{p.x, p.y, 0, 0}
		}
		x0, y0, x1, y1 := p.hull[0][0], p.hull[0][1], p.hull[0][0], p.hull[0][1]
		for _, q := range p.hull[1:] {
			x0, y0, x1, y1 = min(x0, q[0]), min(y0, q[1]), max(x1, q[0]), max(y1, q[1])
		}
		return Rect{x0, y0, x1 - x0, y1 - y0}
	}
	return p.box
}

// lessonLayout is the open lesson panel's text, in CSS pixels (cb converts
// a rectangle).
func (g *Game) lessonLayout(cb func(string, Rect) box) *lessonLayoutDoc {
	if g.lesson == nil {
		return nil
	}
	v := g.lessonLaidOut()
	s := g.cssScale()
	d := &lessonLayoutDoc{Panel: cb("", g.lessonArea()), Texts: []textBox{}, More: v.maxScroll > g.lesson.scroll+1, Scroll: g.lesson.scroll / s}
	for _, t := range v.texts {
		m := t.f.Metrics()
		w, h := textWidth(t.s, t.f), m.HAscent+m.HDescent
		x := t.x
		if t.align == alignCenter {
			x -= w / 2
		}
		d.Texts = append(d.Texts, textBox{t.s, cb("", Rect{x, t.y - h/2, w, h})})
		if strings.HasSuffix(t.s, "…") {
			d.Ellipsized++
		}
	}
	if v.wait.W > 0 {
		done, _, _ := g.waitProgress()
		d.Wait = &waitStripDoc{cb("", v.wait), g.waitText(), done}
	}
	return d
}

// OpenLesson opens the lesson numbered number at step (1-based), as a
// link ?lesson=N&step=M does, without reloading the page.
func (g *Game) OpenLesson(number, step int) error {
	err := g.openLesson(number, step)
	g.settle()
	return err
}

// Click clicks at (x, y) in CSS pixels, as a mouse click there does (the
// same hit-testing, without waiting for an update to see the button): a
// test that plays many steps clicks without timing the mouse.
func (g *Game) Click(x, y float64) {
	s := g.cssScale()
	g.click(x*s, y*s, false)
	g.partitionRelease(x*s, y*s) // the release: a click on a server in the partition editor moves it
	g.settle()
}

// firstMinuteLayout adds the app's name, the welcome card and the help
// overlay to d, with their controls.
func (g *Game) firstMinuteLayout(d *layoutDoc, cb func(string, Rect) box) {
	d.Title = cb("", g.lay.Title)
	if g.welcome.welcomeShown() {
		v := g.welcome.welcomeLaidOut()
		b := cb("", v.box)
		d.Welcome = &b
		for _, btn := range v.buttons {
			d.Controls = append(d.Controls, cb(btn.Name, btn.Rect))
		}
	}
	if g.help.open {
		v := g.help.helpLaidOut()
		d.Help = &helpLayoutDoc{Panel: cb("", v.box), Legend: []string{}}
		for _, it := range v.items {
			if it.legend != "" {
				d.Help.Legend = append(d.Help.Legend, it.legend)
			}
		}
		d.Controls = append(d.Controls, cb(v.lessons.Name, v.lessons.Rect))
	}
}
