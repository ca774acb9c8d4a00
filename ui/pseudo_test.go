package ui

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/lessons"
	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/require"
)

// TestPseudoLocale is the pseudo-locale test of issue 12: with every
// catalogue message drawn between ⟦ and ⟧ (i18n.Pseudo), it opens every
// panel, menu, overlay, tooltip and lesson step at 1280x800, 1024x768 and
// 800x600, records every line drawn, and fails on words outside the
// marks: words that bypass the catalogue, which no translation can reach.
// Names of servers, numbers, the test's own keys and values, scenario
// names and the lessons' own text (lesson files are translated as files)
// are let through. The failure lists each unmarked line once, under the
// screen it was first drawn on. `go test ./ui -run Pseudo -v` lists them.
func TestPseudoLocale(t *testing.T) {
	p := newPseudoRun(t, [2]int{1280, 800}, [2]int{1024, 768}, [2]int{800, 600})
	p.sandbox(t)
	p.violations(t)
	p.lessonList(t)
	p.lessons(t)
	p.report(t)
}

// pseudoRun records the lines drawn on each screen and the unmarked ones
// found.
type pseudoRun struct {
	lines []drawnLine
	// screens are the window sizes every state is drawn at, the first
	// the one the test clicks in.
	screens []*ebiten.Image
	// size names the size being drawn at.
	size string
	// words and names are the user data (see exempt): what the test itself
	// typed, the product's and the languages' names; scenarios' and files'
	// names (of the file it loads, of the files on the servers' disks).
	words, names []string
	// lessonText is every lesson's text, by number (0: the list's titles
	// and summaries, and the glossary, which the lessons' tips show);
	// captions are the captions its highlights draw over the cluster.
	lessonText, captions map[int][]string
	// found holds the unmarked lines found, by shape (pseudoShape);
	// byPlace lists each under the first screen it was drawn on, and
	// places those screens in the order found. tips are the tooltips
	// checked, by shape.
	found   map[string]bool
	places  []string
	byPlace map[string][]string
	tips    map[string]bool
}

// The test's own user data: the key and value it types, the file it
// loads and what its broken storage says.
const (
	pseudoKey      = "apfel"
	pseudoValue    = "birne"
	pseudoFile     = "obst.json"
	pseudoStoreErr = "kaputt"
)

// newPseudoRun records what is drawn at each size (width, height).
func newPseudoRun(t *testing.T, sizes ...[2]int) *pseudoRun {
	p := &pseudoRun{found: map[string]bool{}, byPlace: map[string][]string{}, tips: map[string]bool{}, lessonText: map[int][]string{}, captions: map[int][]string{}}
	for _, sz := range sizes {
		p.screens = append(p.screens, ebiten.NewImage(sz[0], sz[1]))
	}
	recordLines(t, &p.lines)
	p.words = append(p.words, pseudoKey, pseudoValue, pseudoStoreErr, "RaftLab") // the product's name
	p.words = append(p.words, clientKeys...)
	// The languages' names are said in themselves (the language switch
	// shows "English · 中文" in every language).
	for _, l := range i18n.Langs {
		p.words = append(p.words, l.Name())
	}
	p.names = append(p.names, pseudoFile)
	for _, name := range playground.BundledScenarios() {
		sc, err := playground.LoadBundled(name)
		if err != nil {
			t.Fatal(err)
		}
		p.names = append(p.names, name, sc.Name)
	}
	all, err := lessons.All()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range all {
		p.lessonText[0] = append(p.lessonText[0], l.Title, normText(l.Summary))
		p.lessonText[l.Number] = lessonTexts(l)
		for _, st := range l.Steps {
			for _, h := range st.Highlights {
				if h.Caption != "" {
					p.captions[l.Number] = append(p.captions[l.Number], h.Caption)
				}
			}
		}
	}
	for _, e := range doc.Glossary {
		term, meaning := e.In(i18n.English)
		p.lessonText[0] = append(p.lessonText[0], term, normText(meaning))
	}
	return p
}

// lessonTexts is all the text of a lesson file, each passage with its
// white space made single spaces: each paragraph whole, and each of its
// spans (the panel draws a paragraph span by span, a span's piece of a
// line at a time, and a span may begin or end inside a word).
func lessonTexts(l *lessons.Lesson) []string {
	out := []string{l.Title, normText(l.Summary)}
	spans := func(ss []doc.Span) {
		var b strings.Builder
		for _, s := range ss {
			b.WriteString(s.Text)
			out = append(out, normText(s.Text))
		}
		out = append(out, normText(b.String()))
	}
	paras := func(ps []doc.Paragraph) {
		for _, pa := range ps {
			spans(pa.Spans)
		}
	}
	paras(l.Intro)
	for _, st := range l.Steps {
		out = append(out, st.Title, st.Topic)
		paras(st.Narration)
		paras(st.Explanation)
		paras(st.More)
		paras(st.Hints)
		spans(st.Question)
		for _, c := range st.Choices {
			spans(c.Text)
		}
	}
	return out
}

// draw draws a frame of g as the screen named what at each size, and
// checks the lines drawn; lesson is the lesson shown (-1: none, 0: the
// list). It leaves g laid out at the first size.
func (p *pseudoRun) draw(t *testing.T, g *Game, what string, lesson int) {
	t.Helper()
	p.diskNames(g)
	p.atEachSize(g, func(screen *ebiten.Image) {
		p.lines = p.lines[:0]
		g.Draw(screen)
		p.check(what, lesson, lessonImage(g))
	})
}

// diskNames adds the names of the files on the servers' disks (etcd's,
// member/wal/0000000000000000-0000000000000000.wal, which the inspector
// lists) to the names that are let through: file names, the same in
// every language.
func (p *pseudoRun) diskNames(g *Game) {
	w := g.world()
	for _, id := range w.Nodes() {
		for _, f := range w.Node(id).Disk.Files() {
			dir, name := path.Split(f.Path)
			for _, n := range []string{dir, name} {
				if !slices.Contains(p.names, n) {
					p.names = append(p.names, n)
				}
			}
		}
	}
}

// drawOnce draws and checks a frame of g at the first size only: for the
// passing states of a lesson step (its hints shown, playing, paused),
// which add few words of their own (a hint's label, the wait strip's),
// so that the test stays quick.
func (p *pseudoRun) drawOnce(t *testing.T, g *Game, what string, lesson int) {
	t.Helper()
	p.lines = p.lines[:0]
	g.Draw(p.screens[0])
	p.check(what, lesson, lessonImage(g))
}

// atEachSize lays g out at each size in turn and calls f, then lays it
// out at the first size again.
func (p *pseudoRun) atEachSize(g *Game, f func(screen *ebiten.Image)) {
	for _, screen := range p.screens {
		b := screen.Bounds()
		layOut(g, b.Dx(), b.Dy())
		p.size = fmt.Sprintf("%dx%d", b.Dx(), b.Dy())
		f(screen)
	}
	b := p.screens[0].Bounds()
	layOut(g, b.Dx(), b.Dy())
	p.size = fmt.Sprintf("%dx%d", b.Dx(), b.Dy())
}

// check checks the lines recorded since p.lines was emptied. Lesson text
// (of lesson number lesson; -1: none) is let through only where lessons
// are drawn: in the lines drawn onto lessonImg (the lesson panel's image),
// or in any line when lessonImg is nil (a tooltip, which explains a key
// term or a lesson); elsewhere only the captions of its highlights are.
func (p *pseudoRun) check(what string, lesson int, lessonImg *ebiten.Image) {
	elsewhere, onPanel := exempt{words: p.words, names: p.names}, exempt{words: p.words, names: p.names}
	if lesson >= 0 {
		elsewhere.passages = p.captions[lesson]
		onPanel.passages = slices.Concat(p.lessonText[0], p.lessonText[lesson], p.captions[lesson])
	}
	for i, parts := range unmarkedParts(p.lines) {
		e := elsewhere
		if lessonImg == nil || p.lines[i].dst == lessonImg {
			e = onPanel
		}
		for _, part := range parts {
			if e.allows(part) {
				continue
			}
			s := p.lines[i].s
			if k := pseudoShape(s); !p.found[k] {
				p.found[k] = true
				place := p.size + " " + what
				if p.byPlace[place] == nil {
					p.places = append(p.places, place)
				}
				p.byPlace[place] = append(p.byPlace[place], s)
			}
			break
		}
	}
}

// hover explains, as the tooltips do, each thing on screen that has an
// explanation: every control, server, message, safety light, feed row and
// key term of a lesson, and the timeline's track; it checks each new tip.
func (p *pseudoRun) hover(g *Game, what string, lesson int) {
	hx, hy := g.hover.x, g.hover.y
	defer func() { g.hover.x, g.hover.y = hx, hy }()
	p.atEachSize(g, func(screen *ebiten.Image) { p.hoverAt(g, screen, what, lesson) })
}

// hoverAt explains each thing on screen at one size.
func (p *pseudoRun) hoverAt(g *Game, screen *ebiten.Image, what string, lesson int) {
	var spots []Rect
	buttons := slices.Concat(g.lay.Buttons, g.client.clientButtons(), g.feed.feedButtons(), g.lessonButtons())
	if g.top.moreOpen {
		buttons = append(buttons, g.lay.More...)
	}
	if g.welcome.welcomeShown() {
		buttons = append(buttons, g.welcome.welcomeLaidOut().buttons...)
	}
	if g.settings != nil {
		buttons = append(buttons, g.settingsButtons()...)
		for i := range settingsRowCount() {
			spots = append(spots, g.settingsRow(i))
		}
	}
	if g.part != nil {
		buttons = append(buttons, g.partitionButtons()...)
	}
	for _, b := range buttons {
		spots = append(spots, b.Rect)
	}
	for _, n := range g.lay.Nodes {
		spots = append(spots, Rect{n.X, n.Y, 0, 0})
	}
	for _, m := range g.cluster.spots {
		spots = append(spots, Rect{m.x, m.y, 0, 0})
	}
	if g.lesson == nil {
		for i := range safetyRows {
			spots = append(spots, g.safety.safetyRowRect(i))
		}
	} else {
		for _, tm := range g.lessonLaidOut().terms {
			spots = append(spots, tm.r)
		}
		// The safety strip under the lesson, row by row.
		strip := g.safety.safetyStrip()
		for y := strip.Y + 4; y < strip.Y+strip.H; y += 8 {
			spots = append(spots, Rect{strip.CenterX(), y, 0, 0})
		}
	}
	feed := g.feed.feedArea()
	for y := feed.Y + 4; y < feed.Y+feed.H; y += 8 {
		spots = append(spots, Rect{feed.CenterX(), y, 0, 0})
	}
	spots = append(spots, g.lay.Track)
	for _, r := range spots {
		g.hover.x, g.hover.y = r.CenterX(), r.CenterY()
		p.lines = p.lines[:0]
		g.drawTooltip(screen)
		var key strings.Builder
		for _, l := range p.lines {
			key.WriteString(l.s + "\n")
		}
		if k := pseudoShape(key.String()); k != "" && !p.tips[k] {
			p.tips[k] = true
			p.check(what+" (tooltip)", lesson, nil)
		}
	}
}

// pseudoShape is a line with its numbers (and so its servers' names)
// made alike, so that a clock, a term or a message drawn again with other
// numbers is not told again.
func pseudoShape(s string) string {
	return digits.ReplaceAllString(s, "#")
}

var digits = regexp.MustCompile(`[0-9]+`)

// report fails the test with the unmarked lines, by screen.
func (p *pseudoRun) report(t *testing.T) {
	if len(p.found) == 0 {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d lines drawn outside the catalogue's marks (first screen each is drawn on):\n", len(p.found))
	for _, place := range p.places {
		fmt.Fprintf(&b, "%s:\n", place)
		for _, s := range p.byPlace[place] {
			if r := []rune(s); len(r) > 90 {
				s = string(r[:90]) + "…"
			}
			fmt.Fprintf(&b, "    %q\n", s)
		}
	}
	t.Error(b.String())
}

// pseudoGame is a game in the pseudo-locale, laid out at the run's size.
func (p *pseudoRun) pseudoGame(t *testing.T, opts Options) *Game {
	t.Helper()
	opts.Lang = i18n.Pseudo
	g := testGameWith(t, opts)
	b := p.screens[0].Bounds()
	layOut(g, b.Dx(), b.Dy())
	return g
}

// layOut lays g out on a w x h screen, as Draw does when the screen or
// the servers change, but without asking a monitor for its scale (there
// is none in a test).
func layOut(g *Game, w, h int) {
	g.setLayout(w, h, 1)
	g.layIDs = g.view().IDs()
	if g.lesson != nil {
		g.lesson.viewKey = nil
	}
}

// play runs g for n updates at its speed, unpaused.
func play(t *testing.T, g *Game, n int) {
	t.Helper()
	g.paused = false
	for range n {
		if err := g.Update(); err != nil {
			t.Fatal(err)
		}
	}
}

// sandbox drives the sandbox through its screens: running, every menu,
// the inspector, the client panel, each feed filter, the dialogs, the
// overlays and the status line.
func (p *pseudoRun) sandbox(t *testing.T) {
	var saved []byte
	g := p.pseudoGame(t, Options{
		Save: func(_ string, data []byte) error { saved = data; return nil },
		Open: func() {},
	})
	p.draw(t, g, "sandbox at start", -1)
	g.RunFor(1500)
	play(t, g, 20)
	p.draw(t, g, "sandbox running", -1)
	p.hover(g, "sandbox running", -1)
	leader, ok := g.world().Leader()
	need(t, ok, "a leader after 1.5 s")
	follower := g.view().IDs()[0]
	if follower == view.ID(leader) {
		follower = g.view().IDs()[1]
	}
	p.menus(t, g, leader, raft.ID(follower))
	p.inspector(t, g, leader, raft.ID(follower))
	p.clientPanel(t, g)
	for i, f := range feedFilters {
		g.feed.filter = feedFilter(i)
		p.draw(t, g, "feed: "+f.name, -1)
		p.hover(g, "feed: "+f.name, -1)
	}
	g.feed.filter = feedStory
	p.membership(t, g, raft.ID(follower))
	p.dialogs(t, g)
	p.statusLine(t, g, &saved)
}

// need stops the test when it could not bring about a state it draws.
func need(t *testing.T, ok bool, state string) {
	t.Helper()
	if !ok {
		t.Fatalf("could not bring about %s", state)
	}
}

// clickNode clicks a server (its menu opens).
func clickNode(t *testing.T, g *Game, id raft.ID) {
	t.Helper()
	n, ok := g.lay.Node(view.ID(id))
	need(t, ok, fmt.Sprintf("%s on screen", view.ID(id).Name()))
	g.menu = nil
	g.click(n.X, n.Y, false)
	need(t, g.menu != nil, fmt.Sprintf("%s's menu", view.ID(id).Name()))
}

// menus opens the menus of a leader, a follower, a message in flight and
// a link (whole, then cut).
func (p *pseudoRun) menus(t *testing.T, g *Game, leader, follower raft.ID) {
	clickNode(t, g, leader)
	p.draw(t, g, "leader's menu", -1)
	clickNode(t, g, follower)
	p.draw(t, g, "follower's menu", -1)
	g.menu = nil

	// A message's menu: one in flight, away from the nodes.
	for _, m := range g.cluster.spots {
		if _, onNode := g.lay.hitNode(m.x, m.y); !onNode {
			g.click(m.x, m.y, false)
			break
		}
	}
	need(t, g.menu != nil, "a message's menu")
	p.draw(t, g, "message's menu", -1)
	g.menu = nil
	g.paused = true

	for _, cut := range []bool{false, true} {
		x, y, ok := linkPoint(g)
		need(t, ok, "a link to click")
		g.click(x, y, false)
		need(t, g.menu != nil && len(g.menu.items) > 0, "a link's menu")
		p.draw(t, g, fmt.Sprintf("link's menu (cut: %v)", cut), -1)
		it := g.menu.items[0]
		g.click(it.Rect.CenterX(), it.Rect.CenterY(), false)
		g.menu = nil
	}
	g.act(view.Action{Do: "heal"})
}

// inspector shows the inspector of a leader (with a snapshot on disk
// too) and of a crashed server, whose menu it opens as well.
func (p *pseudoRun) inspector(t *testing.T, g *Game, leader, follower raft.ID) {
	g.selected = view.ID(leader)
	p.draw(t, g, "inspector of the leader", -1)
	g.act(view.Action{Do: "snapshot", Node: view.ID(leader)})
	g.RunFor(50)
	p.draw(t, g, "inspector of a leader with a snapshot", -1)
	g.act(view.Action{Do: "crash", Node: view.ID(follower)})
	play(t, g, 5)
	clickNode(t, g, follower)
	p.draw(t, g, "crashed server's menu", -1)
	g.menu = nil
	g.selected = view.ID(follower)
	need(t, g.inspector.inspecting(), "the inspector")
	p.draw(t, g, "inspector of a crashed server", -1)
	p.hover(g, "inspector", -1)
	g.act(view.Action{Do: "restart", Node: view.ID(follower)})
	g.RunFor(20)
	g.act(view.Action{Do: "campaign", Node: view.ID(follower)})
	g.RunFor(1)
	p.draw(t, g, "inspector of a server that campaigns", -1)
	g.act(view.Action{Do: "isolate", Node: view.ID(follower)})
	g.RunFor(500)
	p.draw(t, g, "an isolated server", -1)
	g.act(view.Action{Do: "heal"})
	g.RunFor(500)
	g.selected = 0
}

// clientPanel types a key and a value and sends every operation, to the
// leader and to a server, then draws the requests and a field being
// typed in.
func (p *pseudoRun) clientPanel(t *testing.T, g *Game) {
	g.client.keyText, g.client.value = pseudoKey, pseudoValue
	for _, name := range []string{"client-put", "client-get", "client-cas", "client-delete", "client-get", "client-target", "client-put", "client-key"} {
		pressClientButton(t, g, name)
		g.RunFor(30)
	}
	g.clientWrite()
	g.clientRead()
	g.RunFor(400)
	p.draw(t, g, "client panel with requests", -1)
	g.client.focus = fieldKey
	p.draw(t, g, "client panel typing", -1)
	g.client.focus = fieldNone
	p.hover(g, "client panel", -1)
}

// membership adds a server (a learner first: its menu and inspector) and
// removes another.
func (p *pseudoRun) membership(t *testing.T, g *Game, other raft.ID) {
	g.addNode()
	g.RunFor(5)
	added := g.view().IDs()[len(g.view().IDs())-1]
	p.draw(t, g, "sandbox with an added server", -1)
	clickNode(t, g, raft.ID(added))
	p.draw(t, g, "an added server's menu", -1)
	g.menu = nil
	g.selected = added
	p.draw(t, g, "inspector of an added server", -1)
	g.selected = 0
	g.RunFor(300)
	g.act(view.Action{Do: "removeNode", Node: view.ID(other)})
	g.RunFor(300)
	p.draw(t, g, "sandbox after a server is removed", -1)
}

// dialogs opens the safety card, the partition dialog (a server moved,
// then applied), the timeline in the past, the settings (changed, refused
// and applied), the help, the welcome card and the More menu.
func (p *pseudoRun) dialogs(t *testing.T, g *Game) {
	g.card.open = true
	p.draw(t, g, "safety card", -1)
	g.card.open = false

	g.openPartition()
	p.draw(t, g, "partition dialog", -1)
	p.hover(g, "partition dialog", -1)
	tok := g.partitionView().tokens[0]
	g.partitionPress(tok.x, tok.y)
	g.partitionRelease(tok.x, tok.y)
	p.draw(t, g, "partition dialog, a server moved", -1)
	g.applyPartition()
	g.RunFor(500)
	p.draw(t, g, "a partitioned network", -1)
	g.act(view.Action{Do: "heal"})

	g.seek(float64(g.sess.Now()) / 2)
	p.draw(t, g, "timeline after time travel", -1)
	p.hover(g, "timeline after time travel", -1)
	g.seek(float64(g.sess.Horizon()))

	g.openSettings()
	p.draw(t, g, "settings", -1)
	p.hover(g, "settings", -1)
	for _, b := range g.settingsButtons() {
		if strings.HasSuffix(b.Name, "-next") && b.Name != themeRowName+"-next" && b.Name != langRowName+"-next" {
			g.click(b.Rect.CenterX(), b.Rect.CenterY(), false)
		}
	}
	p.draw(t, g, "settings, every row changed", -1)
	g.settings.draft.ElectionTimeoutMs = [2]int64{1000, 150}
	g.applySettings()
	need(t, g.settings != nil, "settings refused (the dialog stays open)")
	p.draw(t, g, "settings refused", -1)
	// Every teaching switch on.
	g.settings = nil
	g.openSettings()
	for _, b := range g.settingsButtons() {
		if strings.HasPrefix(b.Name, "set-rule-") && strings.HasSuffix(b.Name, "-next") {
			g.click(b.Rect.CenterX(), b.Rect.CenterY(), false)
		}
	}
	g.applySettings()
	need(t, g.settings == nil, "settings applied")
	g.RunFor(1000)
	p.draw(t, g, "a new run from the settings (teaching switches on)", -1)
	p.hover(g, "a new run from the settings", -1)
	g.selected = g.view().IDs()[0]
	p.draw(t, g, "inspector in the new run", -1)
	g.selected = 0

	g.help.open = true
	p.draw(t, g, "help", -1)
	g.help.open = false

	g.welcome.open = true
	p.draw(t, g, "welcome card", -1)
	p.hover(g, "welcome card", -1)
	g.welcome.open = false

	// The More menu opens where the top bar is too narrow (800x600).
	g.top.moreOpen = true
	p.draw(t, g, "More menu", -1)
	p.hover(g, "More menu", -1)
	g.top.moreOpen = false
}

// statusLine draws what the controls say back: a save (from the save
// menu), a heal, an added server, a crash, a saved session loaded again, a
// broken file and a save where there is no saving.
func (p *pseudoRun) statusLine(t *testing.T, g *Game, saved *[]byte) {
	for _, name := range []string{"save", "heal", "add"} {
		g.press(name)
		if name == "save" {
			p.draw(t, g, "save menu", -1)
			clickItem(t, g, "scenario")
		}
		p.draw(t, g, "status after "+name, -1)
	}
	g.restartLeader()
	p.draw(t, g, "status after crashing the leader", -1)
	need(t, len(*saved) > 0, "a saved session")
	g.loadFile(pseudoFile, *saved)
	p.draw(t, g, "a saved session loaded", -1)
	g.status.text = "" // the scenario's name shows where the status was
	p.draw(t, g, "a saved session's name", -1)
	g.loadFile(pseudoFile, []byte("{"))
	p.draw(t, g, "a broken file loaded", -1)
	g.opts.Save = nil
	g.press("save")
	clickItem(t, g, "svg")
	p.draw(t, g, "status after save, unavailable", -1)
}

// pressClientButton presses a control of the client panel.
func pressClientButton(t *testing.T, g *Game, name string) {
	t.Helper()
	b, ok := findButton(g.client.clientButtons(), name)
	if !ok {
		t.Fatalf("the client panel has no %s", name)
	}
	g.click(b.Rect.CenterX(), b.Rect.CenterY(), false)
}

// linkPoint is a point on a link between two servers where a click opens
// the link's menu (no server nor message there).
func linkPoint(g *Game) (x, y float64, ok bool) {
	ns := g.lay.Nodes
	for i := range ns {
		for _, q := range ns[i+1:] {
			for f := 0.3; f <= 0.7; f += 0.05 {
				x, y := ns[i].X+(q.X-ns[i].X)*f, ns[i].Y+(q.Y-ns[i].Y)*f
				if _, on := g.lay.hitNode(x, y); on {
					continue
				}
				if _, on := g.hitMessage(x, y); on {
					continue
				}
				if _, _, on := g.lay.hitLink(x, y); on {
					return x, y, true
				}
			}
		}
	}
	return 0, 0, false
}

// violations shows the safety monitor and its strip red: the unsafe
// Figure 8 scenario, played through.
func (p *pseudoRun) violations(t *testing.T) {
	sc, err := playground.LoadBundled("figure8-unsafe")
	if err != nil {
		t.Fatal(err)
	}
	g := p.pseudoGame(t, Options{Scenario: sc})
	g.RunFor(int64(min(sc.Until, 60_000)))
	p.draw(t, g, "safety violated", -1)
	p.hover(g, "safety violated", -1)
	for i, f := range feedFilters {
		g.feed.filter = feedFilter(i)
		p.draw(t, g, "safety violated, feed: "+f.name, -1)
	}
	g.selected = g.view().IDs()[0]
	p.draw(t, g, "safety violated, inspector", -1)
}

// lessonList shows the list of lessons, its reset question, and what it
// says when the learner's progress can be neither read nor saved.
func (p *pseudoRun) lessonList(t *testing.T) {
	g := p.pseudoGame(t, Options{})
	openLessonList(t, g)
	p.draw(t, g, "lesson list", 0)
	p.hover(g, "lesson list", 0)
	g.pressLesson("lesson-reset")
	p.draw(t, g, "lesson list, reset question", 0)
	g.pressLesson("lesson-reset-no")

	for _, store := range []*memStore{{loadErr: errors.New(pseudoStoreErr)}, {saveErr: errors.New(pseudoStoreErr)}} {
		g = p.pseudoGame(t, Options{Progress: store})
		openLessonList(t, g)
		g.startLesson(0)
		g.pressLesson("lesson-list")
		need(t, g.progress.loadErr != "" || g.progress.saveErr != "", "progress unreadable or unsaved")
		p.draw(t, g, "lesson list, progress unreadable or unsaved", 0)
	}
}

// openLessonList opens the list of lessons. The pseudo-locale has no
// lessons of its own: it reads the English edition.
func openLessonList(t *testing.T, g *Game) {
	t.Helper()
	g.openLessons()
	if len(g.lesson.all) == 0 {
		all, err := g.opts.Lab.AllIn(i18n.English)
		if err != nil {
			t.Fatal(err)
		}
		g.lesson.all, g.lesson.err = all, ""
	}
}

// lessons plays every step of every bundled lesson as a learner who does
// what is asked (show me, the right answer, Play), drawing each step as it
// opens, once done, with its More text unfolded, and each lesson's end.
func (p *pseudoRun) lessons(t *testing.T) {
	all, err := lessons.All()
	if err != nil {
		t.Fatal(err)
	}
	results := ResultStore{
		Copy:     func(string) error { return nil },
		Download: func(string, []byte) (string, error) { return "", nil },
	}
	for i, l := range all {
		g := p.pseudoGame(t, Options{Results: results})
		openLessonList(t, g)
		g.startLesson(i)
		if g.lesson.run == nil {
			t.Fatalf("lesson %d: %s", l.Number, g.lesson.err)
		}
		for k, st := range l.Engine {
			where := fmt.Sprintf("lesson %d step %d (%s)", l.Number, k+1, st.Kind)
			p.draw(t, g, where, l.Number)
			if k == 0 {
				p.hover(g, where, l.Number)
				g.lesson.confirmLeave = true
				p.draw(t, g, where+", leave question", l.Number)
				g.lesson.confirmLeave = false
			} else {
				// The step's controls and terms, at one size.
				p.hoverAt(g, p.screens[0], where, l.Number)
			}
			switch st.Kind {
			case doc.Do:
				// Every hint shown: the learner's time is up.
				g.lesson.stepStart = g.uptime.now() - time.Duration(len(st.Hints))*(st.HintAfter.Truncate(time.Second)+time.Second)
				p.drawOnce(t, g, where+", hints", l.Number)
			case doc.Watch:
				play(t, g, 1)
				p.drawOnce(t, g, where+", playing", l.Number)
				g.paused = true
				p.drawOnce(t, g, where+", paused", l.Number)
			}
			// Odd lessons are answered right, even ones wrong.
			p.finishStep(t, g, l.Number%2 == 1)
			p.draw(t, g, where+", done", l.Number)
			if len(st.More) > 0 {
				g.pressLesson("lesson-fold")
				p.draw(t, g, where+", more", l.Number)
			}
			if k == len(l.Engine)-1 && l.Assessment() {
				// The score's controls, on the last step, before the
				// lesson ends.
				for _, name := range []string{"score-copy", "score-download"} {
					require.True(t, g.pressLesson(name), name)
					p.draw(t, g, fmt.Sprintf("lesson %d, %s", l.Number, name), l.Number)
				}
			}
			g.pressLesson("lesson-next")
		}
		p.draw(t, g, fmt.Sprintf("lesson %d over", l.Number), l.Number)
	}
}

// finishStep plays the step to its end: show me in a do step, the right
// answer (or a wrong one) in a predict step, Play in a watch step.
func (p *pseudoRun) finishStep(t *testing.T, g *Game, right bool) {
	t.Helper()
	r := g.lesson.run
	switch st := r.Step(); st.Kind {
	case doc.Do:
		g.pressLesson("lesson-showme")
	case doc.Predict:
		k := st.Answer
		if !right {
			k = (k + 1) % len(st.Choices)
		}
		g.pressLesson(fmt.Sprintf("lesson-choice-%d", k+1))
	}
	g.paused = false
	for n := 0; !r.Play().Done() && n < 2000; n++ {
		g.RunFor(50)
		g.keepScore()
	}
	if !r.Play().Done() {
		t.Fatalf("lesson %d step %d is not done", r.Lesson().Number, r.Index()+1)
	}
	g.keepScore()
}

// lessonImage is the lesson panel as last drawn (nil without a lesson).
func lessonImage(g *Game) *ebiten.Image {
	if g.lesson == nil {
		return nil
	}
	return g.lesson.cache.img
}
