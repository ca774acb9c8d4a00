package ui

import (
	"errors"
	"os"
	"regexp"
	"testing"

	"github.com/raftlab/raftlab/internal/lab"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	_ "github.com/raftlab/raftlab/playground/etcdraft" // the tests run etcd's engine too, as the desktop app does
)

// labWithout is a Lab whose build lacks an engine, as the browser's
// default build lacks etcd's.
type labWithout struct {
	Lab
	missing view.Engine
}

func (l labWithout) HasEngine(e view.Engine) bool { return e != l.missing && l.Lab.HasEngine(e) }

// TestSettingsEngineChoice: the engine control steps the draft's engine
// and names it; with etcd's drafted, the teaching switches do not move,
// explain why and the foot says it; Apply starts a run on etcd's engine,
// which the top bar then names.
func TestSettingsEngineChoice(t *testing.T) {
	g := testGame(t, "")
	assert.Empty(t, g.top.engineShown(), "RaftLab's engine, the default, needs no label")
	g.press("settings")
	require.NotNil(t, g.settings)
	b, ok := findButton(g.settingsButtons(), engineControlName)
	require.True(t, ok)
	assert.Equal(t, "Engine: RaftLab's raft", b.Label)
	assert.Empty(t, g.settingsNoteLines())

	clickButton(t, g, g.settingsButtons(), engineControlName)
	assert.Equal(t, view.EngineEtcd, g.settings.draft.Engine)
	b, _ = findButton(g.settingsButtons(), engineControlName)
	assert.Equal(t, "Engine: etcd raft v3.6.0", b.Label)
	const why = "etcd's raft has no teaching switches: they belong to RaftLab's engine."
	assert.Equal(t, []string{why}, g.settingsNoteLines(), "the foot says why the switches are off")
	for _, name := range []string{"set-noop", "set-rule-commit", "set-rule-restriction", "set-rule-fixed", "set-rule-fsync"} {
		before := g.settings.draft
		clickButton(t, g, g.settingsButtons(), name+"-next")
		assert.Equal(t, before, g.settings.draft, "%s is disabled", name)
		sw, ok := findButton(g.settingsButtons(), name+"-next")
		require.True(t, ok)
		assert.Equal(t, why, g.settingsHint(sw.Rect.CenterX(), sw.Rect.CenterY()), name)
	}
	clickButton(t, g, g.settingsButtons(), "set-prevote-next")
	assert.False(t, g.settings.draft.PreVote, "the other settings still move")

	clickButton(t, g, g.settingsButtons(), "set-apply")
	require.Nil(t, g.settings, "%v", g.settingsErrorLines())
	assert.Equal(t, view.EngineEtcd, g.world().Settings().Engine)
	assert.Equal(t, int64(0), g.world().Now(), "a new run")
	assert.Equal(t, "etcd raft v3.6.0", g.top.engineShown())

	// Back to RaftLab's: the switches move again, and the label goes.
	g.press("settings")
	clickButton(t, g, g.settingsButtons(), engineControlName)
	assert.Equal(t, view.EngineRaftLab, g.settings.draft.Engine)
	clickButton(t, g, g.settingsButtons(), "set-rule-commit-next")
	assert.True(t, g.settings.draft.Rules.CommitOldTermsByCounting)
	clickButton(t, g, g.settingsButtons(), "set-apply")
	require.Nil(t, g.settings)
	assert.Empty(t, g.top.engineShown())
}

// TestSettingsEtcdTurnsSwitchesOff: choosing etcd's engine while teaching
// switches are on turns them off, and the foot says so, rather than Apply
// refusing the settings.
func TestSettingsEtcdTurnsSwitchesOff(t *testing.T) {
	g := testGame(t, "")
	g.press("settings")
	clickButton(t, g, g.settingsButtons(), "set-noop-next")
	clickButton(t, g, g.settingsButtons(), "set-rule-fixed-next")
	require.False(t, g.settings.draft.LeaderNoop)
	require.True(t, g.settings.draft.Rules.FixedElectionTimeout)
	clickButton(t, g, g.settingsButtons(), engineControlName)
	d := g.settings.draft
	assert.Equal(t, view.EngineEtcd, d.Engine)
	assert.True(t, d.LeaderNoop)
	assert.Equal(t, view.Rules{}, d.Rules)
	assert.NoError(t, d.Validate())
	assert.Equal(t, []string{"Teaching switches turned off: etcd's raft has none; they belong to RaftLab's engine."}, g.settingsNoteLines())
	clickButton(t, g, g.settingsButtons(), "set-apply")
	require.Nil(t, g.settings)
	assert.Equal(t, view.EngineEtcd, g.world().Settings().Engine)
}

// TestSettingsEngineNotInThisBuild: Apply with an engine this build lacks
// hands the host the new run as a share link, to open in a build that has
// it; without a host that can, the dialog says in one line that this
// build has no such engine, and the run goes on.
func TestSettingsEngineNotInThisBuild(t *testing.T) {
	type call struct {
		e    view.Engine
		open view.Link
	}
	var calls []call
	l := labWithout{lab.New(), view.EngineEtcd}
	g := testGameWith(t, Options{Lab: l, LoadEngine: func(e view.Engine, open view.Link) error { calls = append(calls, call{e, open}); return nil }})
	g.SetLang(i18n.Chinese)
	g.SeekTo(700)
	g.paused = false
	g.press("settings")
	clickButton(t, g, g.settingsButtons(), "set-nodes-prev")
	clickButton(t, g, g.settingsButtons(), engineControlName)
	clickButton(t, g, g.settingsButtons(), "set-apply")
	require.Len(t, calls, 1)
	assert.Equal(t, view.EngineEtcd, calls[0].e)
	assert.Nil(t, g.settings, "the dialog closes while the app reloads")
	assert.Equal(t, "正在加载 etcd raft v3.6.0…", g.Status())
	open := calls[0].open
	require.NotNil(t, open.Scenario)
	assert.Equal(t, view.EngineEtcd, open.Scenario.Settings.Engine)
	assert.Equal(t, 4, open.Scenario.Settings.Nodes, "the drafted settings")
	assert.Equal(t, int64(0), open.AtMs, "the new run, from its start")
	assert.Zero(t, open.Lesson)
	assert.True(t, open.Play, "it was playing here: it plays on there")
	assert.Equal(t, i18n.Chinese, open.Lang)
	assert.Equal(t, int64(700), g.world().Now(), "this build's run is left as it was")

	// A host that cannot: the dialog stays, and says why.
	g = testGameWith(t, Options{Lab: l, LoadEngine: func(view.Engine, view.Link) error { return errors.New("the link is too long") }})
	g.press("settings")
	clickButton(t, g, g.settingsButtons(), engineControlName)
	clickButton(t, g, g.settingsButtons(), "set-apply")
	require.NotNil(t, g.settings, "refused")
	assert.Equal(t, []string{"the link is too long"}, g.settingsErrorLines())
	assert.Empty(t, g.Status(), "nothing is loading")

	g = testGameWith(t, Options{Lab: l})
	g.press("settings")
	clickButton(t, g, g.settingsButtons(), engineControlName)
	clickButton(t, g, g.settingsButtons(), "set-apply")
	require.NotNil(t, g.settings, "refused")
	assert.Equal(t, []string{"This build of RaftLab does not include etcd raft v3.6.0."}, g.settingsErrorLines())
	assert.Equal(t, view.EngineRaftLab, g.world().Settings().Engine)
}

// TestSettingsEngineControlFits: in English and Chinese, at every size,
// the engine control, naming either engine, sits in the title line
// between the title and the presenter mode switch, its label inside it.
func TestSettingsEngineControlFits(t *testing.T) {
	withCJKFont(t)
	for _, run := range settingsSizes() {
		g := run.open(t)
		s := g.scale
		box := g.settingsBox()
		titleEnd := box.X + 20*s + textWidth(g.tr("settings.title"), face(16*s, true))
		for range view.Engines {
			buttons := g.settingsButtons()
			b, ok := findButton(buttons, engineControlName)
			require.True(t, ok)
			present, ok := findButton(buttons, presentControlName)
			require.True(t, ok)
			assert.GreaterOrEqual(t, b.Rect.X, titleEnd+10*s, "%v: %q clears the title", run, b.Label)
			assert.LessOrEqual(t, b.Rect.X+b.Rect.W, present.Rect.X, "%v: %q ends before the presenter switch", run, b.Label)
			assert.LessOrEqual(t, textWidth(b.Label, controlFace(s)), b.Rect.W-8*s, "%v: %q fits", run, b.Label)
			assert.LessOrEqual(t, b.Rect.Y+b.Rect.H, g.settingsRow(0).Y, "%v: above the rows", run)
			clickButton(t, g, buttons, engineControlName)
		}
		clickButton(t, g, g.settingsButtons(), engineControlName) // etcd's: the note in the foot
		for _, line := range g.settingsNoteLines() {
			assert.NotContains(t, line, "…", "%v: the note is whole", run)
		}
	}
}

// TestEtcdLabelNamesTheBuiltVersion: the name of etcd's engine on screen
// carries the version of etcd's raft in go.mod, so that a teacher comparing
// with their etcd reads the truth.
func TestEtcdLabelNamesTheBuiltVersion(t *testing.T) {
	mod, err := os.ReadFile("../go.mod")
	require.NoError(t, err)
	m := regexp.MustCompile(`go\.etcd\.io/raft/v3 (v\S+)`).FindSubmatch(mod)
	require.NotNil(t, m, "go.mod requires etcd's raft")
	for _, l := range i18n.Langs {
		assert.Equal(t, "etcd raft "+string(m[1]), l.T("settings.engine.etcd"), "%s", l)
	}
}
