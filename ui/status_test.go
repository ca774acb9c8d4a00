package ui

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestLongStatusMovesToTheTimeline: a status line too long for the room
// at the top bar's right shows whole in the timeline's strip instead of
// cut; a short one stays in the top bar.
func TestLongStatusMovesToTheTimeline(t *testing.T) {
	g := testGame(t, "")
	g.setLayout(1024, 768, 1)
	long := g.tr("status.share.address-bar")
	g.say(long)
	assert.False(t, g.top.statusFits(), "%.0f px of room", g.top.barRoom())
	assert.Equal(t, long, g.timeline.longStatus())

	g.say("ok")
	assert.True(t, g.top.statusFits())
	assert.Empty(t, g.timeline.longStatus())

	g.setLayout(2400, 900, 1)
	g.say(long)
	assert.True(t, g.top.statusFits(), "a wide screen has room")
	assert.Empty(t, g.timeline.longStatus())
}
