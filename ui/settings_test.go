package ui

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSettingsApplyAsNewRun: changing settings in the dialog and applying
// starts a new run with them; invalid settings are refused with a reason
// and the run goes on.
func TestSettingsApplyAsNewRun(t *testing.T) {
	g := testGame(t, "")
	g.SeekTo(1000)
	g.press("settings")
	require.NotNil(t, g.settings)
	clickButton(t, g, g.settingsButtons(), "set-prevote-next")
	assert.False(t, g.settings.draft.PreVote)
	clickButton(t, g, g.settingsButtons(), "set-nodes-prev")
	clickButton(t, g, g.settingsButtons(), "set-nodes-prev")
	assert.Equal(t, 3, g.settings.draft.Nodes)
	clickButton(t, g, g.settingsButtons(), "set-rule-commit-next")
	clickButton(t, g, g.settingsButtons(), "set-apply")
	assert.Nil(t, g.settings)
	assert.Equal(t, int64(0), g.world().Now(), "a new run starts at 0")
	assert.Len(t, g.world().Nodes(), 3)
	assert.False(t, g.world().Settings().PreVote)
	assert.True(t, g.world().Settings().Rules.CommitOldTermsByCounting)

	// An impossible combination is refused and the run is kept.
	g.SeekTo(500)
	g.press("settings")
	for range 8 {
		clickButton(t, g, g.settingsButtons(), "set-latency-min-next")
	}
	for range 8 {
		clickButton(t, g, g.settingsButtons(), "set-latency-max-prev")
	}
	clickButton(t, g, g.settingsButtons(), "set-apply")
	require.NotNil(t, g.settings, "the dialog stays open")
	assert.Contains(t, g.settings.err, "latencyMs")
	clickButton(t, g, g.settingsButtons(), "set-cancel")
	assert.Equal(t, int64(500), g.world().Now(), "the run goes on")
}

// TestLoadScenarioFile: a good file starts; a bad one is reported by name,
// step and field, and the current run is kept.
func TestLoadScenarioFile(t *testing.T) {
	g := testGame(t, "")
	g.SeekTo(800)
	g.LoadScenario("bad.json", []byte(`{"name":"x","nodes":3,"steps":[{"at":0,"do":"crash","node":12}]}`))
	g.takeIncoming()
	assert.Contains(t, g.status, "bad.json")
	assert.Contains(t, g.status, "steps[0] (crash)")
	assert.Equal(t, int64(800), g.world().Now(), "the run is kept")

	data, err := playground.BundledScenarioFile("figure7")
	require.NoError(t, err)
	g.LoadScenario("figure7.json", data)
	g.takeIncoming()
	assert.Equal(t, "Figure 7: divergent follower logs", g.scenario.Name)
	assert.Len(t, g.world().Nodes(), 7)
}

// TestSaveReplays: a saved session is a scenario file that replays the
// session exactly, including what the user did by hand.
func TestSaveReplays(t *testing.T) {
	var saved []byte
	g := testGameWith(t, Options{Save: func(name string, data []byte) error { saved = data; return nil }})
	g.SeekTo(600)
	g.clientWrite()
	g.SeekTo(900)
	g.restartLeader()
	g.SeekTo(2000)
	g.save()
	require.NotNil(t, saved)
	want, err := json.Marshal(g.world().State("x"))
	require.NoError(t, err)

	sc, err := playground.ParseScenario(saved)
	require.NoError(t, err)
	w, err := sc.NewWorld()
	require.NoError(t, err)
	s := playground.NewSession(w, sc.Steps)
	s.RunUntil(2000)
	got, err := json.Marshal(s.World().State("x"))
	require.NoError(t, err)
	assert.JSONEq(t, string(want), string(got))
}

// TestSaveBeforeTheScriptEnds: a session saved before its scenario's last
// scripted step is still a valid scenario, with the script to come.
func TestSaveBeforeTheScriptEnds(t *testing.T) {
	var saved []byte
	sc, err := playground.LoadBundled("leader-crash")
	require.NoError(t, err)
	g, err := New(Options{Scenario: sc, Save: func(name string, data []byte) error { saved = data; return nil }})
	require.NoError(t, err)
	g.SeekTo(9)
	g.save()
	back, err := playground.ParseScenario(saved)
	require.NoError(t, err, "%s", saved)
	assert.Len(t, back.Steps, len(sc.Steps))
	assert.GreaterOrEqual(t, back.Until, sc.Steps[len(sc.Steps)-1].At)
}

// TestClientSessionsSetting: Client sessions is on by default, says what it
// does under the pointer, and turned off it starts a run without them.
func TestClientSessionsSetting(t *testing.T) {
	g := testGame(t, "")
	g.press("settings")
	require.NotNil(t, g.settings)
	assert.True(t, g.settings.draft.ClientSessions, "on by default")
	b, ok := findButton(g.settingsButtons(), "set-clientsessions-next")
	require.True(t, ok)
	const explain = "The store remembers each client's last request, so a retried write is applied once."
	assert.Equal(t, explain, g.settingsHint(b.Rect.CenterX(), b.Rect.CenterY()), "over its control")
	assert.Equal(t, explain, g.settingsHint(g.settingsBox().X+30, b.Rect.CenterY()), "over its label")
	clickButton(t, g, g.settingsButtons(), "set-clientsessions-next")
	assert.False(t, g.settings.draft.ClientSessions)
	clickButton(t, g, g.settingsButtons(), "set-apply")
	require.Nil(t, g.settings)
	assert.False(t, g.world().Settings().ClientSessions)
}

// TestSettingsExplanationsWhole: at 1280x800, 1024x768 and 800x600 every
// row's explanation is shown whole (no "…"), on one line or two, right of
// the row's controls and inside its row; the dialog is on the screen and
// its rows clear of Apply and Cancel.
func TestSettingsExplanationsWhole(t *testing.T) {
	for _, size := range [][2]int{{1280, 800}, {1024, 768}, {800, 600}} {
		g := testGame(t, "")
		sizeGame(g, size[0], size[1])
		g.press("settings")
		require.NotNil(t, g.settings)
		s := g.scale
		box := g.settingsBox()
		require.True(t, box.X >= 0 && box.Y >= 0 && box.X+box.W <= float64(g.w) && box.Y+box.H <= float64(g.h), "%v: the dialog %v is on the screen", size, box)
		f := g.settingsExplainFace()
		explains := []string{themeRow.explain, g.tr(langExplainKey)}
		for _, r := range settingsRows {
			explains = append(explains, r.explain)
		}
		apply, ok := findButton(g.settingsButtons(), "set-apply")
		require.True(t, ok)
		for i, explain := range explains {
			lines := g.settingsExplainLines(explain)
			assert.Equal(t, explain, strings.Join(lines, " "), "%v: row %d is whole", size, i)
			assert.LessOrEqual(t, len(lines), 2, "%v: row %d", size, i)
			for _, line := range lines {
				assert.LessOrEqual(t, box.X+settingsExplainX*s+textWidth(line, f), box.X+box.W-20*s, "%v: %q", size, line)
			}
			r := g.settingsRow(i)
			assert.LessOrEqual(t, (float64(len(lines)-1)*settingsExplainH+11)*s, r.H, "%v: row %d holds its lines", size, i)
			assert.LessOrEqual(t, r.Y+r.H, apply.Rect.Y, "%v: row %d is above Apply", size, i)
			if size[0] >= 1024 {
				assert.Len(t, lines, 1, "%v: row %d is one line", size, i)
			}
		}
	}
}

// TestSettingsLanguageRow: the language row, under the theme, switches the
// app's language at once and keeps it (Prefs), without a new run or a
// change to the draft; Cancel keeps it; it says what it does in the
// language it shows.
func TestSettingsLanguageRow(t *testing.T) {
	st := &memStore{}
	g := testGameWith(t, Options{Prefs: st})
	g.SeekTo(1500)
	g.press("settings")
	require.NotNil(t, g.settings)
	draft := g.settings.draft
	b, ok := findButton(g.settingsButtons(), "set-lang-next")
	require.True(t, ok)
	assert.True(t, g.settingsRow(1).Contains(b.Rect.CenterX(), b.Rect.CenterY()), "right under the theme")
	assert.Equal(t, "The language of the app and its lessons. It changes at once.", g.settingsHint(b.Rect.CenterX(), b.Rect.CenterY()))

	clickButton(t, g, g.settingsButtons(), "set-lang-next")
	assert.Equal(t, i18n.Chinese, g.lang, "applied at once")
	assert.Equal(t, "zh-CN", g.prefs.Lang)
	assert.Equal(t, "应用和课程的语言。立即生效。", g.settingsHint(b.Rect.CenterX(), b.Rect.CenterY()))
	assert.Equal(t, int64(1500), g.world().Now(), "the run goes on")
	assert.Equal(t, draft, g.settings.draft, "the draft is untouched")
	require.NotNil(t, g.settings, "the dialog stays open")
	clickButton(t, g, g.settingsButtons(), "set-cancel")
	assert.Equal(t, i18n.Chinese, g.lang, "Cancel keeps it")
	assert.Equal(t, int64(1500), g.world().Now())

	// The next visit starts in Chinese; going back to English is kept too.
	again := testGameWith(t, Options{Prefs: st})
	assert.Equal(t, i18n.Chinese, again.lang)
	again.press("settings")
	clickButton(t, again, again.settingsButtons(), "set-lang-prev")
	assert.Equal(t, i18n.English, again.lang)
	assert.Equal(t, "en", again.prefs.Lang)
	assert.Equal(t, i18n.English, testGameWith(t, Options{Prefs: st}).lang)
}
