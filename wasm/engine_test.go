package main

import (
	"testing"

	_ "github.com/raftlab/raftlab/playground/etcdraft" // as the etcd build has it
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/ui"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ?engine=etcd runs the world the link asks for on etcd's raft: the
// sandbox when it asks for none, a bundled scenario or a load world as
// they are but for the engine.
func TestEngineFromQuery(t *testing.T) {
	o := optionsFromQuery(query(t, "engine=etcd"))
	assert.Empty(t, o.problems)
	require.NotNil(t, o.scenario, "the sandbox, on etcd")
	want := ui.Sandbox()
	want.Settings.Engine = view.EngineEtcd
	assert.Equal(t, want, o.scenario)

	o = optionsFromQuery(query(t, "engine=etcd&scenario=leader-crash&lang=zh-CN"))
	assert.Empty(t, o.problems)
	require.NotNil(t, o.scenario)
	assert.Equal(t, view.EngineEtcd, o.scenario.Settings.Engine)
	assert.NotEmpty(t, o.scenario.Actions)
	assert.Equal(t, i18n.Chinese, o.lang)

	o = optionsFromQuery(query(t, "engine=etcd&nodes=3&load=20"))
	assert.Empty(t, o.problems)
	require.NotNil(t, o.scenario)
	assert.Equal(t, [2]any{3, view.EngineEtcd}, [2]any{o.scenario.Settings.Nodes, o.scenario.Settings.Engine})

	o = optionsFromQuery(query(t, "engine=raftlab"))
	assert.Empty(t, o.problems)
	assert.Nil(t, o.scenario, "RaftLab's engine: the default sandbox, welcome card and all")
	o = optionsFromQuery(query(t, "engine=raftlab&scenario=figure7"))
	require.NotNil(t, o.scenario)
	assert.Equal(t, view.EngineRaftLab, o.scenario.Settings.Engine)

	o = optionsFromQuery(query(t, "engine=etcd&empty=1"))
	assert.Empty(t, o.problems)
	assert.True(t, o.empty)
	assert.Nil(t, o.scenario, "an empty frame has no world")
}

// A bad ?engine is a one-line problem, and the world keeps its own engine.
func TestEngineFromQueryProblems(t *testing.T) {
	for _, c := range []struct{ raw, en, zh string }{
		{"engine=etcd3", `engine="etcd3": use engine=raftlab or engine=etcd`, `engine="etcd3"：请用 engine=raftlab 或 engine=etcd`},
		{"engine=", `engine="": use engine=raftlab or engine=etcd`, `engine=""：请用 engine=raftlab 或 engine=etcd`},
		{"engine=etcd&engine=raftlab", `URL parameter "engine" is given 2 times`, `URL 参数 "engine"`},
	} {
		o := optionsFromQuery(query(t, c.raw))
		require.Len(t, o.problems, 1, c.raw)
		assert.Equal(t, c.en, o.problemsIn(i18n.English)[0], c.raw)
		assert.Contains(t, o.problemsIn(i18n.Chinese)[0], c.zh, c.raw)
		assert.Nil(t, o.scenario, c.raw)
	}

	// The teaching switches are RaftLab's: such a scenario stays on it.
	o := optionsFromQuery(query(t, "engine=etcd&scenario=figure8-unsafe"))
	require.Len(t, o.problems, 1)
	assert.Contains(t, o.problemsIn(i18n.English)[0], "the teaching switches")
	require.NotNil(t, o.scenario)
	assert.Equal(t, view.EngineRaftLab, o.scenario.Settings.Engine)

	// A lesson sets its own world: it opens, and the link says engine
	// was not used.
	o = optionsFromQuery(query(t, "lesson=3&step=2&engine=etcd"))
	assert.Equal(t, [2]int{3, 2}, [2]int{o.lesson, o.step})
	assert.Equal(t, []string{"lesson=3 cannot be combined with engine: a lesson sets its own world"}, o.problemsIn(i18n.English))
	assert.Nil(t, o.scenario)
	assert.Empty(t, optionsFromQuery(query(t, "lesson=3&engine=raftlab")).problems)
}

// The page loaded again for another engine keeps the parameters the link
// does not override, and opens the link.
func TestEngineURL(t *testing.T) {
	for _, c := range []struct {
		href string
		e    view.Engine
		link string
		want string
	}{
		{"http://h/raftlab/?lang=zh-CN&scenario=x&utm_source=y#old", view.EngineEtcd, "abc",
			"http://h/raftlab/?engine=etcd&lang=zh-CN&utm_source=y#abc"},
		{"http://h/?engine=etcd&present=1&lesson=3&step=2", view.EngineRaftLab, "#abc", "http://h/?present=1#abc"},
		{"http://h/", view.EngineEtcd, "abc", "http://h/?engine=etcd#abc"},
	} {
		assert.Equal(t, c.want, engineURL(c.href, c.e, c.link), c.href)
	}
}

// A lesson on an engine the build lacks opens at ?lesson=N&step=M in the
// build that has it, the page's other parameters kept; ?lang= says the
// app's language, and no step means where the learner left it.
func TestLessonURL(t *testing.T) {
	for _, c := range []struct {
		href string
		e    view.Engine
		open view.Link
		want string
	}{
		{"http://h/raftlab/?lang=zh-CN&lesson=18&present=1&scenario=x#old", view.EngineEtcd, view.Link{Lesson: 18, Step: 2, Lang: i18n.Chinese},
			"http://h/raftlab/?engine=etcd&lang=zh-CN&lesson=18&present=1&step=2"},
		{"http://h/?engine=etcd&step=4", view.EngineRaftLab, view.Link{Lesson: 3, Step: 1}, "http://h/?lesson=3&step=1"},
		{"http://h/?lang=en", view.EngineEtcd, view.Link{Lesson: 18, Step: 1, Lang: i18n.Chinese}, "http://h/?engine=etcd&lang=zh-CN&lesson=18&step=1"},
		{"http://h/#v1.abc", view.EngineEtcd, view.Link{Lesson: 18, Lang: i18n.English}, "http://h/?engine=etcd&lang=en&lesson=18"},
	} {
		assert.Equal(t, c.want, lessonURL(c.href, c.e, c.open), c.href)
	}

	// The page it opens reads as that lesson, on its own engine: no problem.
	o := optionsFromQuery(query(t, "engine=etcd&lesson=18&step=2"))
	assert.Empty(t, o.problems)
	assert.Equal(t, [2]int{18, 2}, [2]int{o.lesson, o.step})
	o = optionsFromQuery(query(t, "engine=raftlab&lesson=18"))
	assert.Equal(t, []string{"lesson=18 cannot be combined with engine: a lesson sets its own world"}, o.problemsIn(i18n.English))
}

// A share link says the build its session's engine is in; a page already
// in the right one keeps its address as it was.
func TestShareURL(t *testing.T) {
	for _, c := range []struct {
		href string
		e    view.Engine
		want string
	}{
		{"http://h/?engine=etcd#old", view.EngineEtcd, "http://h/?engine=etcd#f"},
		{"http://h/?engine=etcd&lang=en", view.EngineRaftLab, "http://h/?lang=en#f"},
		{"http://h/?lang=en", view.EngineEtcd, "http://h/?engine=etcd&lang=en#f"},
		{"http://h/?b=1&a=2", view.EngineRaftLab, "http://h/?b=1&a=2#f"},
		{"http://h/", view.EngineRaftLab, "http://h/#f"},
	} {
		assert.Equal(t, c.want, shareURL(c.href, c.e, "f"), c.href)
	}
}
