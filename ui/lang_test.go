package ui

import (
	"errors"
	"testing"

	"github.com/raftlab/raftlab/internal/lab"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLanguagePrecedence(t *testing.T) {
	saved := &memStore{data: []byte(`{"lang":"zh-CN"}`)}
	assert.Equal(t, i18n.English, ChooseLang(i18n.English, saved, i18n.Chinese), "the link wins")
	assert.Equal(t, i18n.Chinese, ChooseLang("", saved, i18n.English), "then the remembered choice")
	assert.Equal(t, i18n.Chinese, ChooseLang("", &memStore{}, i18n.Chinese), "then the browser's language")
	assert.Equal(t, i18n.English, ChooseLang("", nil, ""), "then English")
	assert.Equal(t, i18n.English, ChooseLang("", &memStore{data: []byte(`{"lang":"xx"}`)}, ""), "a bad remembered value is ignored")
}

func TestSetLangIsRememberedAndAsksForTheFont(t *testing.T) {
	cjkWanted.Store(false)
	t.Cleanup(func() { cjkWanted.Store(false) })
	st := &memStore{}
	asked := 0
	g, err := New(Options{Lab: lab.New(), Prefs: st, CJKFont: func() { asked++ }})
	require.NoError(t, err)
	assert.Equal(t, i18n.English, g.Lang())
	assert.Equal(t, "none", g.fontState())
	require.NoError(t, g.Update())
	assert.Equal(t, 0, asked, "English never asks for the Chinese font")

	g.RunFor(500)
	now := g.world().Now()
	g.SetLang(i18n.Chinese)
	assert.Equal(t, i18n.Chinese, g.Lang())
	assert.Equal(t, now, g.world().Now(), "the simulation is kept")
	assert.Equal(t, 1, asked)
	require.NoError(t, g.Update())
	assert.Equal(t, 1, asked, "asked once")
	assert.Equal(t, "loading", g.fontState())
	assert.Equal(t, "正在加载中文字体…", g.statusShown())

	g.FontProgress(45, 100)
	require.NoError(t, g.Update())
	assert.Equal(t, "正在加载中文字体… 45%", g.statusShown())
	g.FontLoaded(errors.New("HTTP 404"))
	require.NoError(t, g.Update())
	assert.Equal(t, "failed", g.fontState())
	assert.Equal(t, "无法加载中文字体：HTTP 404", g.statusShown())

	again, err := New(Options{Lab: lab.New(), Prefs: st})
	require.NoError(t, err)
	assert.Equal(t, i18n.Chinese, again.Lang(), "the choice is remembered")
}

func TestTheFontArrivingClearsTheStatusAndRedrawsPanels(t *testing.T) {
	cjkWanted.Store(false)
	t.Cleanup(func() { cjkWanted.Store(false) })
	g, err := New(Options{Lab: lab.New(), Lang: i18n.Chinese, CJKFont: func() {}})
	require.NoError(t, err)
	require.NoError(t, g.Update())
	assert.NotEmpty(t, g.statusShown())
	g.top.cache.valid = true
	withCJKFont(t)
	g.FontLoaded(nil)
	require.NoError(t, g.Update())
	assert.Equal(t, "ready", g.fontState())
	assert.Empty(t, g.statusShown(), "nothing more to say")
	assert.False(t, g.top.cache.valid, "the top bar is drawn again with the font")
}

func TestChineseTextDrawnAsksForTheFont(t *testing.T) {
	cjkWanted.Store(false)
	t.Cleanup(func() { cjkWanted.Store(false) })
	asked := 0
	g, err := New(Options{Lab: lab.New(), CJKFont: func() { asked++ }})
	require.NoError(t, err)
	wantCJK("key x")
	require.NoError(t, g.Update())
	assert.Equal(t, 0, asked)
	wantCJK("键")
	require.NoError(t, g.Update())
	assert.Equal(t, 1, asked, "a key typed in Chinese brings the font")
}

// TestLessonListInChinese: in Chinese the list of lessons shows the
// Chinese edition's titles.
func TestLessonListInChinese(t *testing.T) {
	t.Cleanup(func() { cjkWanted.Store(false) })
	g := testGameWith(t, Options{Lang: i18n.Chinese})
	g.openLessons()
	require.Empty(t, g.lesson.err)
	text := lessonPanelText(g)
	assert.Contains(t, text, "1. 为什么需要共识")
	assert.NotContains(t, text, "Why consensus")
}

// TestSetLangKeepsTheLessonStep: switching the language in lesson 3 at
// step 2 (a predict step, answered and half played) reopens the step in
// the other edition with the answer and the simulation where they were;
// switching back gives the English again.
func TestSetLangKeepsTheLessonStep(t *testing.T) {
	t.Cleanup(func() { cjkWanted.Store(false) })
	g := testGameWith(t, Options{Lesson: 3, Step: 2})
	assert.Contains(t, lessonPanelText(g), "Who wins?")
	clickButton(t, g, g.lessonButtons(), "lesson-choice-1")
	g.runTo(g.lessonPlay().StartMs() + 40)
	now, ev, done := g.world().Now(), g.world().TraceLen(), g.lessonPlay().Done()
	require.Greater(t, now, g.lessonPlay().StartMs(), "the step has played a little")

	g.SetLang(i18n.Chinese)
	require.NotNil(t, g.lesson.run)
	assert.Equal(t, 1, g.lesson.run.Index(), "step 2 still")
	assert.Equal(t, "谁会胜出？", g.lesson.run.Step().Title)
	text := lessonPanelText(g)
	assert.Contains(t, text, "谁会胜出？")
	assert.NotContains(t, text, "Who wins?")
	k, ok := g.lessonPlay().Answered()
	assert.True(t, ok && k == 0, "the answer is kept")
	assert.Equal(t, now, g.world().Now(), "the simulation is where it was")
	assert.Equal(t, ev, g.world().TraceLen(), "with the same history")
	assert.Equal(t, done, g.lessonPlay().Done())

	g.SetLang(i18n.English)
	assert.Equal(t, 1, g.lesson.run.Index())
	assert.Contains(t, lessonPanelText(g), "Who wins?")
	assert.Equal(t, now, g.world().Now())
	g.openLessons()
	assert.Contains(t, lessonPanelText(g), "Why consensus")
}

// TestSetLangReplaysTheLearnersActions: in a do step the learner's own
// actions are played again in the other edition, at the same moments; a
// show me is not, and the step starts afresh at the same index.
func TestSetLangReplaysTheLearnersActions(t *testing.T) {
	t.Cleanup(func() { cjkWanted.Store(false) })
	g := testGameWith(t, Options{Lesson: 3, Step: 4})
	start := g.lessonPlay().StartMs()
	g.runTo(start + 30)
	g.act(view.Action{Do: "crash", Node: 3})
	g.runTo(start + 120)
	now, ev, steps := g.world().Now(), g.world().TraceLen(), len(g.sess.Actions())

	g.SetLang(i18n.Chinese)
	assert.Equal(t, 3, g.lesson.run.Index())
	assert.Equal(t, "让领导者崩溃", g.lesson.run.Step().Title)
	assert.Equal(t, now, g.world().Now(), "the simulation is where it was")
	assert.Equal(t, ev, g.world().TraceLen(), "with the same history")
	assert.Len(t, g.sess.Actions(), steps, "the crash included")

	require.NoError(t, g.openLesson(3, 4))
	g.pressLesson("lesson-showme")
	require.True(t, g.lessonPlay().ShownMe())
	g.runTo(g.lessonPlay().StartMs() + 50)
	g.SetLang(i18n.English)
	assert.Equal(t, 3, g.lesson.run.Index(), "the same step")
	assert.Equal(t, g.lessonPlay().StartMs(), g.world().Now(), "from its start")
	assert.Contains(t, lessonPanelText(g), "Crash the leader")
}
