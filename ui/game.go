// Package ui is RaftLab's visual playground: an Ebiten game that draws a
// playground session and turns clicks and keys into playground steps. It
// reads the playground and sends it commands; it never reaches into the raft
// package's state machine directly.
package ui

import (
	"fmt"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/raft"
)

// Options configure a Game.
type Options struct {
	// Scenario to load; nil starts a five-node sandbox.
	Scenario *playground.Scenario
	// Empty draws nothing but the background: the baseline for frame-rate
	// measurements.
	Empty bool
}

// Speeds are the playback speeds, in virtual milliseconds per real second:
// from 1/1000x to 1x. The default, 1/50x, shows single messages crossing
// the screen in about half a second, as RaftScope does.
var speeds = []float64{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000}

const defaultSpeed = 4

// Game is the visual playground.
type Game struct {
	opts     Options
	scenario *playground.Scenario
	sess     *playground.Session

	// clock is the virtual time being shown, with a fractional part so
	// messages glide between milliseconds.
	clock  float64
	speed  int
	paused bool

	w, h  int
	scale float64
	lay   Layout
	spr   *sprites

	selected raft.ID
	menu     *menu
	help     bool
	// highlight marks nodes involved in a violation the user jumped to.
	highlight []raft.ID
	scrubbing bool
	status    string
	statusAt  int
	writes    int
	frames    int
	// touchStart is the tick a touch began, for long-presses.
	touch touchState
	hover hoverState

	msgSpots []msgSpot
	filter   feedFilter
	markers  timelineMarkers
	// layIDs are the nodes the layout was computed for.
	layIDs []raft.ID
}

// New creates the playground game.
func New(opts Options) (*Game, error) {
	sc := opts.Scenario
	if sc == nil {
		sc = &playground.Scenario{Name: "Sandbox", Settings: playground.DefaultSettings(), Until: math.MaxInt32}
	}
	w, err := sc.NewWorld()
	if err != nil {
		return nil, fmt.Errorf("scenario %q: %w", sc.Name, err)
	}
	g := &Game{opts: opts, scenario: sc, sess: playground.NewSession(w, sc.Steps), speed: defaultSpeed, scale: 1}
	return g, nil
}

// Session is the playground session the game shows.
func (g *Game) Session() *playground.Session { return g.sess }

// world is the world at the present.
func (g *Game) world() *playground.World { return g.sess.World() }

// Layout implements ebiten.Game: the screen is the window's size in
// physical pixels, so text and shapes are crisp on high-DPI screens.
func (g *Game) Layout(outsideWidth, outsideHeight int) (int, int) {
	s := ebiten.Monitor().DeviceScaleFactor()
	if s <= 0 {
		s = 1
	}
	return int(float64(outsideWidth) * s), int(float64(outsideHeight) * s)
}

// relayout recomputes the layout when the screen or the nodes change.
func (g *Game) relayout(w, h int) {
	s := ebiten.Monitor().DeviceScaleFactor()
	if s <= 0 {
		s = 1
	}
	g.w, g.h, g.scale = w, h, s
	g.lay = computeLayout(w, h, s, g.world().Nodes())
}

// Update implements ebiten.Game: it handles input, then advances the
// simulation by the playback speed.
func (g *Game) Update() error {
	if g.opts.Empty {
		return nil
	}
	g.handleInput()
	if !g.paused && !g.scrubbing {
		g.clock += speeds[g.speed] / float64(ebiten.TPS())
		if g.clock > float64(g.scenario.Until) {
			g.clock = float64(g.scenario.Until)
		}
		g.sess.RunUntil(int64(g.clock))
	}
	return nil
}

// act carries out a step now, reporting a refusal in the status line.
func (g *Game) act(st playground.Step) {
	g.sess.RunUntil(int64(g.clock))
	g.clock = float64(g.sess.Now())
	if err := g.sess.Do(st); err != nil {
		g.say(err.Error())
	}
}

// say shows a message in the status line for a few seconds.
func (g *Game) say(msg string) {
	g.status, g.statusAt = msg, g.frames
}

// seek moves the present to virtual time t.
func (g *Game) seek(t float64) {
	t = math.Max(0, math.Min(t, float64(g.sess.Horizon())))
	g.sess.SeekTo(int64(t))
	g.clock = t
}

// stepEvent runs to the next scheduled event and pauses.
func (g *Game) stepEvent() {
	g.paused = true
	if at, ok := g.world().NextEventAt(); ok {
		g.sess.RunUntil(at)
		g.clock = float64(at)
	}
}

func (g *Game) togglePause() { g.paused = !g.paused }

func (g *Game) faster() { g.speed = min(g.speed+1, len(speeds)-1) }
func (g *Game) slower() { g.speed = max(g.speed-1, 0) }

// speedLabel renders the playback speed as a fraction of real time.
func (g *Game) speedLabel() string {
	v := speeds[g.speed]
	if v >= 1000 {
		return "1x"
	}
	return fmt.Sprintf("1/%gx", 1000/v)
}

// clientWrite has a client write the next value of key x through the
// leader (or the selected node).
func (g *Game) clientWrite() {
	g.writes++
	g.act(playground.Step{Do: "put", Key: "x", Value: fmt.Sprint(g.writes), Node: g.selected})
}

func (g *Game) clientRead() {
	g.act(playground.Step{Do: "get", Key: "x", Node: g.selected})
}

// restartLeader crashes the leader, or restarts the first node that is
// down: the "r" key.
func (g *Game) restartLeader() {
	w := g.world()
	if id, ok := w.Leader(); ok {
		g.act(playground.Step{Do: "crash", Node: id})
		return
	}
	for _, id := range w.Nodes() {
		if !w.Node(id).Up {
			g.act(playground.Step{Do: "restart", Node: id})
			return
		}
	}
	g.say("there is no leader to crash")
}

// addNode adds the lowest free node ID.
func (g *Game) addNode() {
	w := g.world()
	for id := raft.ID(1); id <= playground.MaxNodes; id++ {
		if w.Node(id) == nil {
			g.act(playground.Step{Do: "addNode", Node: id})
			return
		}
	}
	g.say(fmt.Sprintf("the playground holds at most %d nodes", playground.MaxNodes))
}

// SeekTo moves the playground to virtual time ms (within the history run
// so far, or forward by running it), as the timeline does.
func (g *Game) SeekTo(ms int64) {
	if ms > g.sess.Horizon() {
		g.sess.RunUntil(ms)
	}
	g.seek(float64(ms))
}
