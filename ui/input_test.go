package ui

import (
	"fmt"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/internal/lab"
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type flightFixture struct{ send, deliver int64 }

func (f flightFixture) flight() *playground.Flight {
	return &playground.Flight{SendAt: f.send, DeliverAt: f.deliver}
}

// testGame is a game laid out on a 1280x800 screen, without a display.
func testGame(t *testing.T, scenario string) *Game {
	t.Helper()
	var sc *view.Scenario
	if scenario != "" {
		var err error
		sc, err = playground.LoadBundled(scenario)
		require.NoError(t, err)
	}
	return testGameWith(t, Options{Scenario: sc})
}

// testGameWith is a game made with opts, laid out on a 1280x800 screen.
func testGameWith(t *testing.T, opts Options) *Game {
	t.Helper()
	if opts.Lab == nil {
		opts.Lab = lab.New()
	}
	g, err := New(opts)
	require.NoError(t, err)
	g.setLayout(1280, 800, 1)
	return g
}

// clickItem clicks the open menu's item by name.
func clickItem(t *testing.T, g *Game, name string) {
	t.Helper()
	require.NotNil(t, g.menu, "a menu is open")
	for _, it := range g.menu.items {
		if it.Name == name {
			g.click(it.Rect.CenterX(), it.Rect.CenterY(), false)
			return
		}
	}
	t.Fatalf("menu has no %s", name)
}

func itemNames(m *menu) []string {
	var out []string
	for _, it := range m.items {
		out = append(out, it.Name)
	}
	return out
}

// TestClickNodeCrashAndRestart: a click on a node selects it and opens its
// menu; "Crash" crashes it; on a crashed node the menu offers "Restart".
func TestClickNodeCrashAndRestart(t *testing.T) {
	g := testGame(t, "leader-crash")
	g.SeekTo(500)
	leader, ok := g.world().Leader()
	require.True(t, ok)
	spot, _ := g.lay.Node(view.ID(leader))
	g.click(spot.X, spot.Y, false)
	assert.Equal(t, view.ID(leader), g.selected)
	assert.Contains(t, itemNames(g.menu), "menu-crash")
	assert.NotContains(t, itemNames(g.menu), "menu-timeout", "a leader does not time out")
	clickItem(t, g, "menu-crash")
	assert.Nil(t, g.menu)
	assert.False(t, g.world().Node(leader).Up)

	g.click(spot.X, spot.Y, false)
	assert.Equal(t, []string{"menu-restart"}, itemNames(g.menu))
	clickItem(t, g, "menu-restart")
	assert.True(t, g.world().Node(leader).Up)
}

// TestClickLinkCutsIt: a click on a link opens its menu; "Cut both ways"
// cuts both directions, and "Restore the link" heals it.
func TestClickLinkCutsIt(t *testing.T) {
	g := testGame(t, "")
	p, q := g.lay.Nodes[0], g.lay.Nodes[1]
	g.click((p.X+q.X)/2, (p.Y+q.Y)/2, false)
	require.NotNil(t, g.menu)
	clickItem(t, g, "menu-cut-both")
	net := g.world().Network()
	assert.True(t, net.IsCut(raft.ID(p.ID), raft.ID(q.ID)) && net.IsCut(raft.ID(q.ID), raft.ID(p.ID)))
	g.click((p.X+q.X)/2, (p.Y+q.Y)/2, false)
	assert.Equal(t, []string{"menu-heal-link"}, itemNames(g.menu))
	clickItem(t, g, "menu-heal-link")
	net = g.world().Network()
	assert.False(t, net.IsCut(raft.ID(p.ID), raft.ID(q.ID)) || net.IsCut(raft.ID(q.ID), raft.ID(p.ID)))
}

// TestControls maps each top-bar control and shortcut to its effect.
func TestControls(t *testing.T) {
	g := testGame(t, "log-replication")
	g.SeekTo(300)
	press := func(name string) {
		b, ok := g.lay.Button(name)
		require.True(t, ok, name)
		g.click(b.Rect.CenterX(), b.Rect.CenterY(), false)
	}
	press("play")
	assert.True(t, g.paused)
	press("play")
	assert.False(t, g.paused)
	speed := g.speed
	press("faster")
	assert.Equal(t, speed+1, g.speed)
	press("slower")
	press("slower")
	assert.Equal(t, speed-1, g.speed)
	calls := len(g.world().History())
	press("write")
	press("read")
	require.Len(t, g.world().History(), calls+2)
	assert.Equal(t, view.OpPut, g.world().History()[calls].Cmd.Op)
	assert.Equal(t, view.OpGet, g.world().History()[calls+1].Cmd.Op)
	press("add")
	assert.NotNil(t, g.world().Node(4), "a fourth node joined")
	press("help")
	assert.True(t, g.help.open)
	g.click(10, 400, false)
	assert.False(t, g.help.open, "any click closes the help")

	before := g.world().Now()
	press("step")
	assert.True(t, g.paused)
	assert.Greater(t, g.world().Now(), before, "step runs to the next event")

	// The keyboard maps to the same actions.
	keys := map[ebiten.Key]bool{}
	for _, ka := range g.keyActions() {
		for _, k := range ka.keys {
			keys[k] = true
		}
	}
	for _, k := range []ebiten.Key{ebiten.KeySpace, ebiten.KeyArrowRight, ebiten.KeyEqual, ebiten.KeyMinus, ebiten.KeyC, ebiten.KeyR, ebiten.KeySlash, ebiten.KeyEscape} {
		assert.True(t, keys[k], "shortcut %v", k)
	}
}

// TestTimelineSeeks: a click on the timeline travels in time, and the
// world at that moment is the one the history had.
func TestTimelineSeeks(t *testing.T) {
	g := testGame(t, "leader-crash")
	g.SeekTo(1500)
	require.False(t, g.world().Node(1).Up, "S1 crashed at 800")
	tr := g.lay.Track
	span := float64(g.timeline.timelineSpan())
	g.click(tr.X+tr.W*600/span, tr.CenterY(), false)
	assert.InDelta(t, 600, float64(g.world().Now()), 2)
	assert.True(t, g.world().Node(1).Up, "before the crash S1 is up")
}

// TestRestartKey: "r" crashes the leader, then restarts a crashed node.
func TestRestartKey(t *testing.T) {
	g := testGame(t, "leader-crash")
	g.SeekTo(500)
	leader, _ := g.world().Leader()
	g.restartLeader()
	assert.False(t, g.world().Node(leader).Up)
	g.restartLeader()
	assert.True(t, g.world().Node(leader).Up)
}

// TestSafetyClickJumpsToViolation: clicking a red light seeks to the
// violation and highlights its nodes.
func TestSafetyClickJumpsToViolation(t *testing.T) {
	g := testGame(t, "figure8-unsafe")
	g.SeekTo(1000)
	vs := g.world().Violations()
	require.NotEmpty(t, vs)
	for i, p := range safetyRows {
		if p == vs[0].Property {
			r := g.safety.safetyRowRect(i)
			g.click(r.CenterX(), r.CenterY(), false)
		}
	}
	assert.Equal(t, vs[0].AtMs, g.world().Now())
	assert.Equal(t, idsOf(vs[0].Nodes), g.cluster.highlight)
	assert.True(t, g.paused)
}

// TestHooks: the automation hooks describe the real state and layout.
func TestHooks(t *testing.T) {
	g := testGame(t, "log-replication")
	g.SeekTo(700)
	data, err := g.StateJSON()
	require.NoError(t, err)
	assert.Contains(t, string(data), `"nowMs":700`)
	assert.Contains(t, string(data), `"role":"leader"`)
	lay, err := g.LayoutJSON()
	require.NoError(t, err)
	assert.Contains(t, string(lay), `"name":"play"`)
	assert.Contains(t, string(lay), `"nodes":[{"id":1`)
}

// TestClientPanel: each client control issues its operation on the chosen
// key to the chosen server, and a cas expects the last value seen.
func TestClientPanel(t *testing.T) {
	g := testGame(t, "log-replication")
	g.SeekTo(300)
	btn := func(name string) {
		for _, b := range g.client.clientButtons() {
			if b.Name == name {
				g.click(b.Rect.CenterX(), b.Rect.CenterY(), false)
				return
			}
		}
		t.Fatalf("no %s", name)
	}
	btn("client-key") // y
	btn("client-put")
	g.SeekTo(700)
	h := g.world().History()
	last := h[len(h)-1]
	assert.Equal(t, view.Command{Client: last.Cmd.Client, Seq: last.Cmd.Seq, Op: view.OpPut, Key: "y", Value: "1"}, last.Cmd)
	assert.True(t, last.Done)
	btn("client-cas")
	g.SeekTo(1000)
	h = g.world().History()
	cas := h[len(h)-1]
	assert.Equal(t, view.OpCAS, cas.Cmd.Op)
	assert.Equal(t, "1", cas.Cmd.From, "cas expects the value last seen")
	assert.True(t, cas.Result.OK)
	btn("client-target") // S1
	btn("client-target") // S2
	btn("client-get")
	h = g.world().History()
	assert.Equal(t, view.OpGet, h[len(h)-1].Cmd.Op)
	assert.EqualValues(t, 2, h[len(h)-1].Node, "sent to the chosen server")
	btn("client-delete")
	h = g.world().History()
	assert.Equal(t, view.OpDelete, h[len(h)-1].Cmd.Op)
}

// TestMarkersSurviveSeeks: after a seek back the timeline still marks the
// later crash; acting in the past forgets the discarded future's markers.
func TestMarkersSurviveSeeks(t *testing.T) {
	g := testGame(t, "leader-crash")
	g.SeekTo(1500)
	g.timeline.markers.update(g.sess)
	hasAfter := func(at int64) bool {
		for _, m := range g.timeline.markers.list {
			if m.at >= at {
				return true
			}
		}
		return false
	}
	require.True(t, hasAfter(800), "the crash at 800 is marked")
	g.SeekTo(400)
	g.timeline.markers.update(g.sess)
	assert.True(t, hasAfter(800), "still marked after seeking back")
	g.act(view.Action{Do: "crash", Node: 2})
	g.timeline.markers.update(g.sess)
	assert.False(t, hasAfter(401), "the discarded future's markers are gone")
	assert.True(t, hasAfter(400), "the new crash is marked")
}

// TestEscapeClosesTopmostFirst: each Escape closes one thing, the topmost;
// the selection (and its inspector) closes before the lesson, and leaving
// the lesson asks first: Esc again stays, Enter or Leave leaves.
func TestEscapeClosesTopmostFirst(t *testing.T) {
	g := testGame(t, "")
	g.openLessons()
	g.startLesson(0)
	require.NotNil(t, g.lesson)
	g.selected = 2
	g.openPartition()
	g.help.open = true
	g.escape()
	assert.False(t, g.help.open)
	assert.NotNil(t, g.part)
	g.escape()
	assert.Nil(t, g.part)
	assert.NotNil(t, g.lesson)
	g.escape()
	assert.Zero(t, g.selected, "the selection closes before the lesson")
	require.NotNil(t, g.lesson)
	assert.False(t, g.lesson.confirmLeave)

	g.escape()
	require.NotNil(t, g.lesson, "Esc asks before the lesson closes")
	assert.True(t, g.lesson.confirmLeave)
	assert.Contains(t, lessonPanelText(g), "Leave this lesson?")
	assert.Contains(t, lessonPanelText(g), "When you open it again, it starts at step 1.")
	names := lessonButtonNames(g)
	assert.Contains(t, names, "lesson-leave")
	assert.Contains(t, names, "lesson-stay")
	g.escape()
	require.NotNil(t, g.lesson, "Esc on the question stays")
	assert.False(t, g.lesson.confirmLeave)
	assert.NotContains(t, lessonButtonNames(g), "lesson-leave")
	g.enter()
	assert.NotNil(t, g.lesson, "Enter leaves only once asked")

	g.escape()
	clickButton(t, g, g.lessonButtons(), "lesson-stay")
	require.NotNil(t, g.lesson)
	assert.False(t, g.lesson.confirmLeave)
	g.escape()
	world := g.world()
	g.enter()
	assert.Nil(t, g.lesson, "Enter leaves")
	assert.Same(t, world, g.world(), "free play keeps the cluster")

	g.openLessons()
	g.startLesson(0)
	g.escape()
	clickButton(t, g, g.lessonButtons(), "lesson-leave")
	assert.Nil(t, g.lesson, "so does Leave")

	g.openLessons()
	g.escape()
	assert.Nil(t, g.lesson, "the list of lessons closes at once: nothing to lose")
}

// TestEscapeOverAnInspector: lesson 6, step 2 with a node selected (its
// inspector open): Esc closes the inspector, not the lesson.
func TestEscapeOverAnInspector(t *testing.T) {
	g := testGameWith(t, Options{Lesson: 6, Step: 2})
	require.NotNil(t, g.lesson)
	g.selected = 1
	g.escape()
	assert.Zero(t, g.selected)
	require.NotNil(t, g.lesson, "the lesson stays open")
	assert.Equal(t, 1, g.lesson.run.Index())
	assert.False(t, g.lesson.confirmLeave)
}

// TestLessonLeavesFeedAndSafetyVisible: under a lesson, the right-hand
// column still shows a short feed and the safety strip below the panel,
// none overlapping, and layout() offers the feed's filters where they now
// are.
func TestLessonLeavesFeedAndSafetyVisible(t *testing.T) {
	g := testGame(t, "")
	free := g.feed.feedButtons()[0].Rect
	g.openLessons()
	g.startLesson(0)
	panel, feed, strip := g.lessonArea(), g.feed.feedArea(), g.safety.safetyStrip()
	assert.False(t, panel.overlaps(feed) || feed.overlaps(strip) || panel.overlaps(strip), "panel %v feed %v strip %v", panel, feed, strip)
	for _, r := range []Rect{panel, feed, strip} {
		assert.True(t, g.lay.Side.Contains(r.X, r.Y) && g.lay.Side.Contains(r.X+r.W-1, r.Y+r.H-1), "%v leaves the column", r)
	}
	fb := g.feed.feedButtons()[0].Rect
	assert.True(t, feed.Contains(fb.CenterX(), fb.CenterY()))
	assert.Greater(t, fb.Y, free.Y, "the feed moved down")
	lay, err := g.LayoutJSON()
	require.NoError(t, err)
	assert.Contains(t, string(lay), fmt.Sprintf(`{"name":"feed-story","x":%v,"y":%v`, fb.X, fb.Y))
	assert.Contains(t, string(lay), `"lesson-close"`)
}

// TestEscapeClosesTheCardFirst: with the card of safety properties open,
// Esc (by key, or escape itself) closes the card before the help, the
// partition tool or the lesson; with it closed, Esc goes on as before. p
// opens the card in free play too (it is drawn there), but not under the
// help.
func TestEscapeClosesTheCardFirst(t *testing.T) {
	g := testGame(t, "")
	g.openLessons()
	g.startLesson(0)
	g.selected = 2
	g.openPartition()
	g.card.open = true
	g.escape()
	assert.False(t, g.card.open, "the card closes first")
	assert.NotNil(t, g.part)

	g.card.open = true
	assert.True(t, g.card.cardInput([]ebiten.Key{ebiten.KeyEscape}, false), "the open card takes Esc")
	assert.False(t, g.card.open)
	assert.NotNil(t, g.part, "and only the card closed")
	assert.False(t, g.card.cardInput([]ebiten.Key{ebiten.KeyEscape}, false), "a closed card leaves Esc to the keys")
	g.escape()
	assert.Nil(t, g.part)
	g.escape()
	assert.Zero(t, g.selected)
	g.escape()
	g.enter()
	assert.Nil(t, g.lesson)

	g.selected = 2
	g.help.open = true
	assert.False(t, g.card.cardInput([]ebiten.Key{ebiten.KeyP}, false))
	assert.False(t, g.card.open, "p does not open the card under the help")
	g.escape()
	assert.False(t, g.help.open)
	g.card.cardInput([]ebiten.Key{ebiten.KeyP}, false)
	require.True(t, g.card.open, "p opens it in free play")
	g.layIDs = g.view().IDs() // laid out already: Draw need not ask the monitor
	g.Draw(ebiten.NewImage(g.w, g.h))
	assert.Equal(t, 1, g.card.cache.redraws, "and it is drawn there")
	g.escape()
	assert.False(t, g.card.open)
	assert.EqualValues(t, 2, g.selected, "the selection stays")
}

// TestLessonsControlOpensTheList: the top bar's Lessons control opens the
// list of lessons from free play and from a lesson.
func TestLessonsControlOpensTheList(t *testing.T) {
	g := testGame(t, "")
	g.press("lessons")
	require.NotNil(t, g.lesson)
	assert.Nil(t, g.lesson.run, "the list of lessons")
	require.NoError(t, g.openLesson(3, 2))
	g.press("lessons")
	require.NotNil(t, g.lesson)
	assert.Nil(t, g.lesson.run, "back to the list from lesson 3")
}

// idsOf are servers' IDs as the screen names them.
func idsOf(ids []raft.ID) []view.ID {
	out := make([]view.ID, len(ids))
	for i, id := range ids {
		out[i] = view.ID(id)
	}
	return out
}

// press carries out the top-bar control of a name, as a click on it
// does.
func (g *Game) press(name string) { g.pressTop(topControlNamed(name)) }

// topControlNamed is the top bar's control of a name (topNone if none).
func topControlNamed(name string) topControl {
	for c, sp := range topSpecs {
		if sp.name == name && name != "" {
			return topControl(c)
		}
	}
	return topNone
}
