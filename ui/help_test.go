package ui

import (
	"testing"

	"github.com/raftlab/raftlab/playground/i18n"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHelpFitsWithItsLegend: in English and Chinese, at 800x600,
// 1024x768 and 1280x800, the help overlay is on screen with every line and
// swatch inside it, no two lines overlap, and its legend names every role,
// the timer, the term, the disk, both kinds of log entry and every kind of
// message.
func TestHelpFitsWithItsLegend(t *testing.T) {
	withCJKFont(t)
	for _, run := range settingsSizes() {
		size := run.size
		name := run.String()
		g := testGame(t, "")
		g.SetLang(run.lang)
		sizeGame(g, size[0], size[1])
		v := g.help.helpLaidOut()
		var texts []Rect
		assert.True(t, insideRect(v.box, g.lay.Screen), "%s: the help is on screen", name)
		assert.True(t, insideRect(v.lessons.Rect, v.box), "%s: its Lessons control is in it", name)
		legend := map[string]bool{}
		for _, it := range v.items {
			if it.kind == helpText {
				w := textWidth(it.text, face(it.size, it.bold))
				r := Rect{it.r.X, it.r.Y - it.size/2, w, it.size}
				assert.True(t, insideRect(r, v.box), "%s: %q is inside the help", name, it.text)
				assert.False(t, overlaps(r, v.lessons.Rect), "%s: %q is clear of the Lessons control", name, it.text)
				for _, o := range texts {
					assert.False(t, overlaps(r.Inset(0.5), o.Inset(0.5)), "%s: %q overlaps another line", name, it.text)
				}
				texts = append(texts, r)
			} else {
				assert.True(t, insideRect(it.r, v.box), "%s: the swatch of %s is inside the help", name, it.legend)
			}
			if it.legend != "" {
				legend[it.legend] = true
			}
		}
		for _, want := range []string{"role follower", "role pre-candidate", "role candidate", "role leader", "role crashed",
			"election timer", "term", "disk", "committed entry", "uncommitted entry"} {
			assert.True(t, legend[want], "%s: the legend shows %s", name, want)
		}
		for _, m := range messageLegend() {
			assert.True(t, legend["message "+m.Name], "%s: the legend shows the message %s", name, m.Name)
		}
	}
}

// TestHelpOpensTheCourse: the help's Lessons control closes the help and
// opens the list of lessons; a click elsewhere only closes the help.
func TestHelpOpensTheCourse(t *testing.T) {
	g := testGame(t, "")
	g.press("help")
	require.True(t, g.help.open)
	g.click(5, float64(g.h)-5, false)
	assert.False(t, g.help.open)
	assert.Nil(t, g.lesson, "a click elsewhere opens nothing")
	g.press("help")
	b := g.help.helpLaidOut().lessons
	g.click(b.Rect.CenterX(), b.Rect.CenterY(), false)
	assert.False(t, g.help.open)
	require.NotNil(t, g.lesson, "the list of lessons is open")
}

// TestHelpSpeaksTheLanguage: every line, heading, role and message name of
// the help is in the catalogue; in English the shortcuts read as before,
// and in Chinese the key caps are the Chinese keyboard's words and the
// legend's words Chinese (Raft's message names stay English).
func TestHelpSpeaksTheLanguage(t *testing.T) {
	withCJKFont(t)
	keys := []string{"help.title", "help.close", "help.lessons", "help.lessons.hint", "help.keys", "help.legend",
		"help.timer", "help.term", "help.disk", "help.committed", "help.uncommitted", "help.messages"}
	for _, k := range helpLines {
		if k != "" {
			keys = append(keys, k)
		}
	}
	for _, r := range helpRoles() {
		keys = append(keys, r.key)
	}
	for _, m := range messageLegend() {
		keys = append(keys, helpMessageKey(m.Name))
	}
	for _, k := range keys {
		assert.NotEqual(t, "["+k+"]", i18n.English.T(k), "%s is in the catalogue", k)
	}
	assert.Equal(t, "vote granted", i18n.English.T(helpMessageKey("vote granted")))
	assert.Equal(t, "Space  play / pause", i18n.English.T("help.key.space"))
	assert.Equal(t, "空格  播放 / 暂停", i18n.Chinese.T("help.key.space"))
	assert.Equal(t, "同意投票", i18n.Chinese.T(helpMessageKey("vote granted")))
	assert.Equal(t, "RequestVote", i18n.Chinese.T(helpMessageKey("RequestVote")))

	g := testGame(t, "")
	g.SetLang(i18n.Chinese)
	v := g.help.helpLaidOut()
	drawn := map[string]bool{}
	for _, it := range v.items {
		if it.kind == helpText {
			drawn[it.text] = true
		}
	}
	for _, want := range []string{"帮助", "按键与点击", "图例", "跟随者", "已崩溃", "心跳", "RequestVote"} {
		assert.True(t, drawn[want], "the Chinese help draws %q", want)
	}
	assert.Equal(t, "打开课程", v.lessons.Label)
}
