package ui

import "sync/atomic"

// While nobody sees it, the simulation should not run on: a learner who
// switches to another tab in the middle of an election, or minimizes the
// window, comes back to find it where it was. So the game pauses itself
// when the host says it is hidden, and when it is seen again it says why
// it is paused, and stays paused until the learner presses play. In the
// browser Ebiten does not update a hidden tab at all, so both changes
// may arrive between two updates: the host's calls are latched, and the
// next update takes them in order (hidden, then seen again).
//
// Only the game's own pause changes: a lesson's step goes on checking its
// condition when the learner plays again, and nothing of the run is lost.
// A game already paused when it was hidden stays so, and says nothing.

// Hiding is what hid the app: the browser's tab or the desktop's window.
type Hiding uint32

const (
	// TabHidden: the page's tab is hidden (document.visibilityState).
	TabHidden Hiding = iota + 1
	// WindowMinimized: the desktop's window is minimized.
	WindowMinimized
)

// hiddenState is what the host has said (atomics: a browser's event
// handler may say it while a frame is under way) and what the game did
// about it.
type hiddenState struct {
	// now is what hides the app at the moment (0: it is seen); seen is
	// the latest hiding since the last update took it in (0: none).
	now, seen atomic.Uint32
	// by is what hid the app when the game paused itself for it (0: the
	// game has not).
	by Hiding
}

// SetHidden tells the game that by hides it (hidden) or no longer does.
// It is safe to call from any goroutine, and as often as the host likes
// (the desktop asks the window every tick).
func (g *Game) SetHidden(by Hiding, hidden bool) {
	if hidden {
		g.hidden.now.Store(uint32(by))
		g.hidden.seen.Store(uint32(by))
		return
	}
	g.hidden.now.CompareAndSwap(uint32(by), 0)
}

// followHidden is the update's part: it pauses a running simulation that
// has been hidden since the last update, and once the app is seen again
// says in the status line why it is paused.
func (g *Game) followHidden() {
	if by := Hiding(g.hidden.seen.Swap(0)); by != 0 && !g.paused {
		g.paused, g.hidden.by = true, by
	}
	if g.hidden.by == 0 || g.hidden.now.Load() != 0 {
		return
	}
	if g.hidden.by == WindowMinimized {
		g.say(g.tr("status.paused-hidden.window"))
	} else {
		g.say(g.tr("status.paused-hidden.tab"))
	}
	g.hidden.by = 0
}
