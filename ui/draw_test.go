package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTopBarNamesTheLessonWhole: in a lesson the top bar shows the
// lesson's number and whole title where it fits, else "Lesson N", else
// nothing; never a title cut with "…". At 1280 wide it is whole, and at
// 1024 and 800 wide (the browser's bar, with Open) the number shows. The
// same in Chinese (第 N 课), with the Chinese lessons' titles.
func TestTopBarNamesTheLessonWhole(t *testing.T) {
	withCJKFont(t)
	for _, lang := range []i18n.Lang{i18n.English, i18n.Chinese} {
		g := testGameWith(t, Options{Lang: lang})
		g.openLessons()
		for i, l := range g.lesson.all {
			g.startLesson(i)
			require.NotNil(t, g.lesson.run, "lesson %d runs", l.Number)
			full, short := fmt.Sprintf("Lesson %d · %s", l.Number, l.Title), fmt.Sprintf("Lesson %d", l.Number)
			if lang == i18n.Chinese {
				full, short = fmt.Sprintf("第 %d 课 · %s", l.Number, l.Title), fmt.Sprintf("第 %d 课", l.Number)
			}
			for _, size := range screenSizes {
				where := fmt.Sprintf("%s %v", lang, size)
				g.w, g.h = size[0], size[1]
				g.lay = computeLayoutIn(lang, size[0], size[1], 1, g.view().IDs(), true)
				name := g.top.barName()
				assert.NotContains(t, name, "…", "%s: %q", where, name)
				assert.Contains(t, []string{full, short, ""}, name, where)
				assert.LessOrEqual(t, textWidth(name, controlFace(1)), g.top.barRoom(), "%s: %q fits", where, name)
				switch {
				case size[0] == 1280:
					assert.Equal(t, full, name, where)
				case l.Number < 10:
					assert.True(t, strings.HasPrefix(name, short), "%s: %q names the lesson", where, name)
				}
			}
		}
	}
}

// TestTopBarNamesTheSandbox: the free-play cluster's name is said in the
// app's language; a scenario's own name is shown as it is.
func TestTopBarNamesTheSandbox(t *testing.T) {
	withCJKFont(t)
	assert.Equal(t, "Sandbox", testGame(t, "").top.barName())
	assert.Equal(t, "沙盒", testGameWith(t, Options{Lang: i18n.Chinese}).top.barName())
	sc, err := playground.LoadBundled("leader-crash")
	require.NoError(t, err)
	assert.Equal(t, sc.Name, testGameWith(t, Options{Lang: i18n.Chinese, Scenario: sc}).top.barName())
}

// TestMessageTipInChinese: a lost message's tooltip says in Chinese what
// the message is, why it will be lost and that a click drops it.
func TestMessageTipInChinese(t *testing.T) {
	g := testGame(t, "")
	g.SeekTo(1000)
	g.act(view.Action{Do: "isolate", Node: 1})
	for ms := int64(1000); ms < 2000; ms += 5 {
		g.SeekTo(ms)
		for _, f := range g.world().InFlight() {
			if f.Lost && f.Kind == view.FlightRaft {
				tip := describeMessage(i18n.Chinese, vf(f))
				ev := playground.Event{Type: view.EvSend, Flight: f}
				assert.Equal(t, ev.TextIn(i18n.Chinese)+" — 将会丢失："+f.LostWhyIn(i18n.Chinese)+"（点击即可丢弃）", tip)
				assert.NotEqual(t, f.LostWhy(), f.LostWhyIn(i18n.Chinese), "the reason is in Chinese")
				assert.Equal(t, ev.Text()+" — will be lost: "+f.LostWhy()+" (click to drop it)", describeMessage(i18n.English, vf(f)), "English as it was")
				return
			}
		}
	}
	t.Fatal("no lost message in flight")
}

// TestLanguageSwitchRelaysTheTopBar: after a switch to Chinese the next
// update lays the top bar out again, its controls labelled, and sized, in
// Chinese.
func TestLanguageSwitchRelaysTheTopBar(t *testing.T) {
	withCJKFont(t)
	t.Cleanup(func() { cjkWanted.Store(false) })
	g := testGame(t, "")
	b, _ := g.lay.Button("settings")
	assert.Equal(t, "Settings", b.Label)
	g.SetLang(i18n.Chinese)
	require.NoError(t, g.Update())
	b, _ = g.lay.Button("settings")
	assert.Equal(t, "设置", b.Label)
	assert.Equal(t, computeLayoutIn(i18n.Chinese, g.w, g.h, g.scale, g.view().IDs(), false).Buttons, g.lay.Buttons)
}
