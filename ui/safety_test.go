package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readsRow is the monitor's row of the check of reads.
func readsRow(t *testing.T, g *Game) Rect {
	t.Helper()
	i := slices.Index(safetyRows, view.NoStaleReads)
	require.GreaterOrEqual(t, i, 0, "the monitor has a light for reads")
	return g.safety.safetyRowRect(i)
}

// TestReadsLight: the light of reads is green with no stale read, and a
// click explains that Raft's properties do not judge reads; once a local
// read is stale it turns red with a count, and a click jumps to the
// moment the stale value reached its client.
func TestReadsLight(t *testing.T) {
	g := testGame(t, "stale-read")
	g.SeekTo(1400)
	r := readsRow(t, g)
	require.Zero(t, g.safety.light(view.NoStaleReads).n)
	assert.Equal(t, "No Stale Reads (a check of reads)", g.safety.light(view.NoStaleReads).label())
	g.click(r.CenterX(), r.CenterY(), false)
	assert.Contains(t, g.status.text, "The five Raft safety properties do not judge reads.")
	assert.EqualValues(t, 1400, g.world().Now(), "a green light does not move time")

	g.SeekTo(3000)
	stale := g.world().StaleReads()
	require.Len(t, stale, 1)
	l := g.safety.light(view.NoStaleReads)
	assert.Equal(t, 1, l.n)
	assert.Equal(t, fmt.Sprintf("No Stale Reads: 1 stale. First at %.3fs", float64(stale[0].AtMs)/1000), l.label())
	assert.Equal(t, "No Stale Reads: 1 stale. First: "+stale[0].Message, l.whole())
	assert.Empty(t, g.world().Violations(), "no Raft property is broken")
	g.click(r.CenterX(), r.CenterY(), false)
	assert.Equal(t, stale[0].AtMs, g.world().Now())
	assert.Equal(t, []view.ID{1}, g.cluster.highlight)
	assert.True(t, g.paused)
	assert.Contains(t, g.status.text, stale[0].Message)
}

// TestReadsLightChangesTheKey: a stale read redraws the monitor.
func TestReadsLightChangesTheKey(t *testing.T) {
	g := testGame(t, "stale-read")
	g.SeekTo(1400)
	k0 := append([]byte(nil), g.safety.safetyKey(nil)...)
	g.SeekTo(3000)
	assert.NotEqual(t, k0, []byte(g.safety.safetyKey(nil)))
}

// TestReadsLightTooltip: the pointer on the light of reads explains it, in
// the full monitor and, once red, in the strip under a lesson, after the
// first stale read's sentence; the help
// lists p and says a red light leads to a stale read too.
func TestReadsLightTooltip(t *testing.T) {
	g := testGame(t, "stale-read")
	r := readsRow(t, g)
	assert.Equal(t, readsExplained(i18n.English), g.safety.safetyHint(r.CenterX(), r.CenterY()))
	first := g.safety.safetyRowRect(0)
	assert.Empty(t, g.safety.safetyHint(first.CenterX(), first.CenterY()), "a Raft property's light has no such tip")

	g.openLessons()
	assert.Empty(t, g.safety.safetyHint(r.CenterX(), r.CenterY()), "the full monitor is not shown under a lesson")
	g.SeekTo(3000)
	strip := g.safety.safetyStrip()
	row := g.safety.stripRowRect(strip, 0)
	assert.Equal(t, g.safety.redLights()[0].whole()+". "+readsExplained(i18n.English), g.safety.safetyHint(row.CenterX(), row.CenterY()))

	var help []string
	for _, k := range helpLines {
		help = append(help, i18n.English.T(k))
	}
	assert.Contains(t, help, "P  Raft's five safety properties")
	assert.Contains(t, help, "Click a red safety light: jump to the violation or stale read")
}

// TestLongTooltipStaysOnScreen: the explanation of the light of reads, at
// the screen's right edge at 1024x768, wraps into a box on the screen.
func TestLongTooltipStaysOnScreen(t *testing.T) {
	g := testGame(t, "stale-read")
	sizeGame(g, 1024, 768)
	r := readsRow(t, g)
	g.hover = hoverState{r.X + r.W - 2, r.CenterY()}
	box, lines := g.tooltipLaidOut(g.safety.safetyHint(g.hover.x, g.hover.y))
	assert.Greater(t, len(lines), 1, "it wraps")
	assert.Equal(t, readsExplained(i18n.English), strings.Join(lines, " "))
	assert.True(t, g.lay.Screen.Contains(box.X, box.Y) && g.lay.Screen.Contains(box.X+box.W, box.Y+box.H), "%v is on the screen", box)
	for _, ln := range lines {
		assert.LessOrEqual(t, textWidth(ln, face(12, false))+16, box.W)
	}
}

// TestRedLightsWhole: at 1280x800, 1024x768 and 800x600 a red light's row
// says which property broke and when, whole (not cut with "…"); the
// pointer on it shows what broke, in a sentence.
func TestRedLightsWhole(t *testing.T) {
	for _, size := range [][2]int{{1280, 800}, {1024, 768}, {800, 600}} {
		g := testGame(t, "figure8-unsafe")
		sizeGame(g, size[0], size[1])
		g.SeekTo(20000)
		red := g.safety.redLights()
		require.NotEmpty(t, red, "figure8-unsafe breaks a property")
		s := g.scale
		f := face(11.5*s, false)
		for i, p := range safetyRows {
			l := g.safety.light(p)
			r := g.safety.safetyRowRect(i)
			assert.LessOrEqual(t, textWidth(l.label(), f), r.W-28*s, "%v: %q fits its row", size, l.label())
			if l.n == 0 || p == view.NoStaleReads {
				continue
			}
			assert.Equal(t, l.name+": "+l.first.Message.In(i18n.English), g.safety.safetyHint(r.CenterX(), r.CenterY()), "%v: the pointer shows what broke", size)
		}
	}
}

// TestSafetyMonitorInChinese: in Chinese the monitor's lights, the
// pointer's sentence and the strip's head are Chinese, and the language
// is in the panel's key.
func TestSafetyMonitorInChinese(t *testing.T) {
	g := testGame(t, "figure8-unsafe")
	g.SeekTo(20000)
	english := string(g.safety.safetyKey(nil))
	g.lang = i18n.Chinese
	assert.NotEqual(t, english, string(g.safety.safetyKey(nil)), "a switch of language redraws the monitor")
	head, _ := g.safety.stripHead()
	assert.Contains(t, strings.Join(head, ""), "条性质中有 2 条被破坏")
	red := g.safety.redLights()
	require.NotEmpty(t, red)
	l := red[0]
	name := view.PropertyName(l.name, i18n.Chinese)
	assert.NotEqual(t, l.name, name)
	assert.Equal(t, fmt.Sprintf("%s：在 %.3f 秒被破坏", name, float64(l.first.AtMs)/1000), l.label())
	assert.Equal(t, name+"："+l.first.Message.In(i18n.Chinese), l.whole())
	assert.NotContains(t, l.whole(), "term", "what broke is said in Chinese")
	assert.Equal(t, "无过期读（读检查）", g.safety.light(view.NoStaleReads).label())
}
