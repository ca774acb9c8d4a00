package lessons

import (
	"slices"

	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/view"
)

// Replay plays p, a step just started, the way was went: was is the same
// step played in another edition of the lesson (the editions share their
// setups and conditions; a view switching language keeps the learner's
// place). It gives the same answer and the same actions at the same
// moments, runs to was's end and seeks to was's present.
//
// It reports false when the play cannot be repeated, and p is then to
// start afresh: was is not the engine's, was used show me (its delayed
// actions belong to that play), was's history does not begin with p's, or
// the answer or an action fails.
func (p *Play) Replay(other doc.Play) bool {
	was, ok := other.(*Play)
	if !ok || was.ShownMe() {
		return false
	}
	if k, ok := was.Answered(); ok {
		if err := p.Answer(k); err != nil {
			return false
		}
	}
	ours, theirs := p.sess.Actions(), was.sess.Actions()
	if len(theirs) < len(ours) || !slices.EqualFunc(ours, theirs[:len(ours)], sameAction) {
		return false
	}
	// advance runs to t: a first Advance stops where the condition first
	// holds, a second one goes on from there.
	advance := func(t int64) {
		p.Advance(t)
		p.Advance(t)
	}
	for _, a := range theirs[len(ours):] {
		advance(a.At)
		if err := p.sess.Do(a); err != nil {
			return false
		}
	}
	advance(was.sess.Horizon())
	p.sess.SeekTo(was.sess.Now())
	return true
}

// sameAction reports whether two actions of a history are the same action
// at the same moment.
func sameAction(a, b view.Action) bool { return a.At == b.At && a.Do == b.Do }
