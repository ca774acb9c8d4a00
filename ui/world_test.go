package ui

import (
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/view"
)

// world is the playground world under the game's session, for the tests
// that check what the screen shows against the world itself.
func (g *Game) world() *playground.World { return g.playground().World() }

// playground is the playground session under the game's session.
func (g *Game) playground() *playground.Session {
	return g.sess.(interface{ Playground() *playground.Session }).Playground()
}

// vf is what the screen reads of a playground flight.
func vf(f *playground.Flight) *view.Flight {
	v := f.View()
	return &v
}
