package lessons

import (
	"slices"
	"testing"

	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/stretchr/testify/assert"
)

// TestDoStepsPointAtTheirControls: every do step of the bundled lessons
// highlights a control that does what it asks, and one whose show me sends
// a client request to a chosen server (not "leader") also points at the
// client panel's target, so that the learner sees how to aim the request.
func TestDoStepsPointAtTheirControls(t *testing.T) {
	for _, l := range bundledLessons(t) {
		for _, st := range l.Engine {
			if st.Kind != doc.Do {
				continue
			}
			var controls []string
			for _, h := range st.Highlights {
				if h.What == doc.HighlightControl {
					controls = append(controls, h.Control)
				}
			}
			assert.NotEmpty(t, controls, "%s step %d %q: a do step highlights the control that does it", l.Name, st.Index+1, st.Title)
			for i, a := range st.ShowMe.Steps {
				client := a.Do == "put" || a.Do == "get" || a.Do == "delete" || a.Do == "cas"
				if client && a.Node != 0 && !st.ShowMe.isRef(i, "node") {
					assert.True(t, slices.Contains(controls, "client-target"), "%s step %d %q: its request goes to S%d: highlight control client-target", l.Name, st.Index+1, st.Title, a.Node)
				}
			}
		}
	}
}
