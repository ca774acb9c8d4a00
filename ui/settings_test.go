package ui

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/internal/lab"
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
	assert.Len(t, g.view().IDs(), 3)
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
	require.Error(t, g.settings.err)
	assert.Contains(t, i18n.ErrorIn(g.settings.err, i18n.English), "latencyMs")
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
	assert.Contains(t, g.status.text, "bad.json")
	assert.Contains(t, g.status.text, "steps[0] (crash)")
	assert.Equal(t, int64(800), g.world().Now(), "the run is kept")

	data, err := playground.BundledScenarioFile("figure7")
	require.NoError(t, err)
	g.LoadScenario("figure7.json", data)
	g.takeIncoming()
	assert.Equal(t, "Figure 7: divergent follower logs", g.scenario.Name)
	assert.Len(t, g.view().IDs(), 7)
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
	w, err := playground.NewWorld(sc)
	require.NoError(t, err)
	s := playground.NewSession(w, sc.Actions)
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
	g, err := New(Options{Lab: lab.New(), Scenario: sc, Save: func(name string, data []byte) error { saved = data; return nil }})
	require.NoError(t, err)
	g.SeekTo(9)
	g.save()
	back, err := playground.ParseScenario(saved)
	require.NoError(t, err, "%s", saved)
	assert.Len(t, back.Actions, len(sc.Actions))
	assert.GreaterOrEqual(t, back.Until, sc.Actions[len(sc.Actions)-1].At)
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

// TestSettingsExplanationsWhole: in English and Chinese, at 1280x800,
// 1024x768 and 800x600, every row's explanation is shown whole (no "…"),
// on one line or two, right of the row's controls and inside its row; the
// dialog is on the screen and its rows clear of Apply and Cancel.
func TestSettingsExplanationsWhole(t *testing.T) {
	withCJKFont(t)
	for _, run := range settingsSizes() {
		size := run.size
		g := run.open(t)
		s := g.scale
		box := g.settingsBox()
		require.True(t, box.X >= 0 && box.Y >= 0 && box.X+box.W <= float64(g.w) && box.Y+box.H <= float64(g.h), "%v: the dialog %v is on the screen", run, box)
		f := g.settingsExplainFace()
		explains := []string{g.tr(themeExplainKey), g.tr(langExplainKey)}
		for _, r := range settingsRows {
			explains = append(explains, g.tr(r.explainKey()))
		}
		apply, ok := findButton(g.settingsButtons(), "set-apply")
		require.True(t, ok)
		for i, explain := range explains {
			lines := g.settingsExplainLines(explain)
			assert.Equal(t, explain, strings.Join(lines, " "), "%v: row %d is whole", run, i)
			assert.LessOrEqual(t, len(lines), 2, "%v: row %d", run, i)
			for _, line := range lines {
				assert.LessOrEqual(t, box.X+settingsExplainX*s+textWidth(line, f), box.X+box.W-20*s, "%v: %q", run, line)
			}
			r := g.settingsRow(i)
			assert.LessOrEqual(t, (float64(len(lines)-1)*settingsExplainH+11)*s, r.H, "%v: row %d holds its lines", run, i)
			assert.LessOrEqual(t, r.Y+r.H, apply.Rect.Y, "%v: row %d is above Apply", run, i)
			if size[0] >= 1024 {
				assert.Len(t, lines, 1, "%v: row %d is one line", run, i)
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

// settingsRun is a language and a screen size the dialog is checked at.
type settingsRun struct {
	lang i18n.Lang
	size [2]int
}

func (r settingsRun) String() string { return fmt.Sprintf("%s %dx%d", r.lang, r.size[0], r.size[1]) }

// open is a game in r's language and size with the settings dialog open.
func (r settingsRun) open(t *testing.T) *Game {
	t.Helper()
	g := testGame(t, "")
	g.SetLang(r.lang)
	sizeGame(g, r.size[0], r.size[1])
	g.press("settings")
	require.NotNil(t, g.settings, "%v", r)
	return g
}

// settingsSizes are the languages and sizes the dialog must fit.
func settingsSizes() []settingsRun {
	var out []settingsRun
	for _, l := range i18n.Langs {
		for _, size := range [][2]int{{1280, 800}, {1024, 768}, {800, 600}} {
			out = append(out, settingsRun{l, size})
		}
	}
	return out
}

// TestSettingsLabelsFit: in English and Chinese, at every size, each row's
// label ends before its "<" control and each value fits between "<" and
// ">"; the buttons' labels fit the buttons and the title fits above the
// rows.
func TestSettingsLabelsFit(t *testing.T) {
	withCJKFont(t)
	for _, run := range settingsSizes() {
		g := run.open(t)
		s := g.scale
		box := g.settingsBox()
		f, bold := face(12.5*s, false), face(12.5*s, true)
		labels := []string{g.tr("settings.theme"), g.tr("app.language")}
		values := []string{g.tr("settings.theme.light"), g.tr("settings.theme.dark"), i18n.English.Name(), i18n.Chinese.Name()}
		for _, r := range settingsRows {
			labels = append(labels, g.tr(r.key))
			d := g.settings.draft
			for range 8 { // every value a row steps through
				values = append(values, r.get(g.lang, &d))
				r.next(&d)
			}
		}
		buttons := g.settingsButtons()
		prev, ok := findButton(buttons, "set-nodes-prev")
		require.True(t, ok)
		next, ok := findButton(buttons, "set-nodes-next")
		require.True(t, ok)
		for _, l := range labels {
			assert.LessOrEqual(t, box.X+20*s+textWidth(l, f), prev.Rect.X-4*s, "%v: the label %q ends before <", run, l)
		}
		for _, v := range values {
			assert.LessOrEqual(t, textWidth(v, bold), next.Rect.X-(prev.Rect.X+prev.Rect.W)-4*s, "%v: the value %q fits between < and >", run, v)
		}
		for _, b := range buttons {
			assert.LessOrEqual(t, textWidth(b.Label, f), b.Rect.W-8*s, "%v: %q fits its button", run, b.Label)
		}
	}
}

// TestSettingsDrawnInChinese: in Chinese the values of the switches and
// the units are Chinese, Apply and Cancel have no English word, and every
// key the dialog draws is in the catalogue.
func TestSettingsDrawnInChinese(t *testing.T) {
	withCJKFont(t)
	g := testGame(t, "")
	g.SetLang(i18n.Chinese)
	g.press("settings")
	require.NotNil(t, g.settings)
	row := func(name string) string {
		for _, r := range settingsRows {
			if r.name == name {
				return r.get(g.lang, &g.settings.draft)
			}
		}
		t.Fatalf("no row %s", name)
		return ""
	}
	assert.Equal(t, "开", row("set-prevote"))
	assert.Equal(t, "关", row("set-rule-commit"))
	assert.Equal(t, "ReadIndex", row("set-readmode"))
	assert.Regexp(t, `^\d+ 毫秒$`, row("set-heartbeat"))
	assert.Regexp(t, `^\d+ 条$`, row("set-snapshot"))
	keys := []string{themeExplainKey, langExplainKey, "settings.theme.light", "settings.theme.dark"}
	for _, r := range settingsRows {
		keys = append(keys, r.key, r.explainKey())
	}
	keys = append(keys, readModeKeys[:]...)
	for _, k := range keys {
		assert.NotEqual(t, "["+k+"]", g.tr(k), "%s is in the catalogue", k)
	}
	for _, b := range g.settingsButtons() {
		if b.Name == "set-apply" || b.Name == "set-cancel" {
			assert.NotRegexp(t, `[A-Za-z]`, b.Label, b.Name)
		}
	}
}

// TestSettingsRefusalIsWhole: why Apply was refused is shown whole, on
// one or two lines left of Apply, in English and Chinese at every size.
func TestSettingsRefusalIsWhole(t *testing.T) {
	withCJKFont(t)
	for _, run := range settingsSizes() {
		g := run.open(t)
		g.settings.draft.ElectionTimeoutMs = [2]int64{1000, 150} // the longest reason
		clickButton(t, g, g.settingsButtons(), "set-apply")
		require.NotNil(t, g.settings, "%v: refused", run)
		lines := g.settingsErrorLines()
		require.NotEmpty(t, lines, "%v", run)
		assert.LessOrEqual(t, len(lines), 2, "%v", run)
		assert.NotContains(t, lines[len(lines)-1], "…", "%v: %q is whole", run, lines)
		apply, ok := findButton(g.settingsButtons(), "set-apply")
		require.True(t, ok)
		for _, l := range lines {
			assert.LessOrEqual(t, g.settingsBox().X+20*g.scale+textWidth(l, g.settingsErrorFace()), apply.Rect.X, "%v: %q ends before Apply", run, l)
		}
	}
}
