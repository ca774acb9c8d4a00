package main

import (
	"net/url"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func query(t *testing.T, raw string) url.Values {
	t.Helper()
	q, err := url.ParseQuery(raw)
	require.NoError(t, err)
	return q
}

func TestOptionsFromQuery(t *testing.T) {
	o := optionsFromQuery(query(t, ""))
	assert.Nil(t, o.scenario, "no parameters: the default sandbox")
	assert.False(t, o.empty)
	assert.Empty(t, o.problems)

	o = optionsFromQuery(query(t, "scenario=leader-crash"))
	require.NotNil(t, o.scenario)
	assert.Equal(t, 5, o.scenario.Settings.Nodes)
	assert.NotEmpty(t, o.scenario.Actions)

	o = optionsFromQuery(query(t, "empty=1"))
	assert.True(t, o.empty)

	o = optionsFromQuery(query(t, "nodes=9&load=200"))
	require.NotNil(t, o.scenario)
	assert.Equal(t, 9, o.scenario.Settings.Nodes)

	o = optionsFromQuery(query(t, "nodes=3"))
	assert.Equal(t, 3, o.scenario.Settings.Nodes)

	o = optionsFromQuery(query(t, "lesson=6&step=3"))
	assert.Equal(t, [2]int{6, 3}, [2]int{o.lesson, o.step})
	assert.Nil(t, o.scenario)
	assert.Empty(t, o.problems)
}

// Links shared through chat apps and course platforms gain parameters of
// their own: RaftLab ignores them, names them for the console, and does
// what the rest of the link asks.
func TestOptionsFromQueryIgnoresUnknown(t *testing.T) {
	o := optionsFromQuery(query(t, "utm_source=x&fbclid=y&hl=zh&utm_source=z"))
	assert.Empty(t, o.problems)
	assert.Equal(t, []string{"fbclid", "hl", "utm_source"}, o.ignored)
	assert.Nil(t, o.scenario)

	o = optionsFromQuery(query(t, "lesson=6&step=2&utm_medium=chat"))
	assert.Empty(t, o.problems, "a teacher's link still opens its lesson")
	assert.Equal(t, [2]int{6, 2}, [2]int{o.lesson, o.step})
	assert.Equal(t, []string{"utm_medium"}, o.ignored)

	o = optionsFromQuery(query(t, "scenario=figure7&ref=course"))
	assert.Empty(t, o.problems)
	require.NotNil(t, o.scenario)
	assert.Equal(t, 7, o.scenario.Settings.Nodes)
}

// A known parameter with a bad value is a problem that names it, and the
// page starts as if it were not given.
func TestOptionsFromQueryProblems(t *testing.T) {
	// sandbox: nothing of the link is used (no scenario, no lesson, not
	// empty).
	for _, c := range []struct {
		raw, want string
		sandbox   bool
	}{
		{"scenario=nope", `no bundled scenario named "nope" (have: `, true},
		{"scenario=nope&utm_source=x", `no bundled scenario named "nope" (have: `, true},
		{"scenario=", `no bundled scenario named ""`, true},
		{"scenario=../../etc/passwd", `no bundled scenario named`, true},
		{"nodes=0&load=10", "nodes must be 1..9, not 0", true},
		{"nodes=10", "nodes must be 1..9, not 10", true},
		{"nodes=five", `nodes="five" is not a whole number`, true},
		{"nodes=5&load=-1", "load must be 0..5000", true},
		{"nodes=5&load=1e9", `load="1e9" is not a whole number`, true},
		{"empty=yes", `empty="yes": use empty=1`, true},
		{"present=on", `present="on": use present=1 for presenter mode`, true},
		{"lesson=99", "there is no lesson 99 (the lessons are numbered 1 to 19)", true},
		{"lesson=3&step=9", "lesson 3 has steps 1 to 8, not 9", true},
		{"lesson=3&step=-1", "lesson 3 has steps 1 to 8, not -1", true},
		{"lesson=three", `lesson="three" is not a whole number`, true},
		{"step=2", "step=2 needs lesson=N", true},
		{"scenario=figure7&scenario=x", `URL parameter "scenario" is given 2 times`, true},
		// The more specific part of a link wins: a lesson over a world,
		// a scenario over its size.
		{"lesson=3&scenario=figure7", "lesson=3 cannot be combined with scenario: a lesson sets its own world", false},
		{"scenario=figure7&nodes=3", "scenario=figure7 cannot be combined with nodes: a scenario sets its own", false},
	} {
		o := optionsFromQuery(query(t, c.raw))
		require.Len(t, o.problems, 1, c.raw)
		assert.Contains(t, o.problemsIn(i18n.English)[0], c.want, c.raw)
		if c.sandbox {
			assert.Nil(t, o.scenario, c.raw)
			assert.False(t, o.empty, c.raw)
			assert.Equal(t, [2]int{0, 0}, [2]int{o.lesson, o.step}, c.raw)
		}
	}

	o := optionsFromQuery(query(t, "lesson=3&scenario=figure7"))
	assert.Equal(t, 3, o.lesson)
	assert.Nil(t, o.scenario)
	o = optionsFromQuery(query(t, "scenario=figure7&nodes=3"))
	require.NotNil(t, o.scenario)
	assert.Equal(t, 7, o.scenario.Settings.Nodes)

	// Presenter mode goes with anything else the link asks for.
	o = optionsFromQuery(query(t, "lesson=3&step=2&present=1&notes=1"))
	assert.Empty(t, o.problems)
	assert.Empty(t, o.ignored)
	assert.True(t, o.present)
	assert.Equal(t, 3, o.lesson)
	assert.False(t, optionsFromQuery(query(t, "present=0")).present)

	// Two bad parameters: both are said; the good one is used.
	o = optionsFromQuery(query(t, "empty=yes&lesson=99&nodes=3"))
	assert.Equal(t, "there is no lesson 99 (the lessons are numbered 1 to 19)|empty=\"yes\": use empty=1",
		strings.Join(o.problemsIn(i18n.English), "|"))
	require.NotNil(t, o.scenario)
	assert.Equal(t, 3, o.scenario.Settings.Nodes)
}

func TestLangFromQuery(t *testing.T) {
	assert.Equal(t, i18n.Lang(""), optionsFromQuery(query(t, "")).lang, "none: the remembered or the browser's language")
	o := optionsFromQuery(query(t, "lang=zh-CN&lesson=6"))
	assert.Equal(t, i18n.Chinese, o.lang)
	assert.Equal(t, 6, o.lesson, "a language goes with a lesson")
	assert.Empty(t, o.problems)
	assert.Equal(t, i18n.English, optionsFromQuery(query(t, "lang=en")).lang)

	o = optionsFromQuery(query(t, "lang=xx&scenario=leader-crash"))
	assert.Equal(t, i18n.English, o.lang, "an unknown language is English")
	assert.Equal(t, []string{`language "xx" is not available (available: en, zh-CN)`}, o.problemsIn(i18n.English))
	assert.NotNil(t, o.scenario, "and the rest of the link still holds")
	assert.Empty(t, o.ignored)
}

func TestProblemsInChinese(t *testing.T) {
	o := optionsFromQuery(query(t, "empty=yes&lesson=99&nodes=five"))
	assert.Equal(t, []string{"没有第 99 课（课程编号为 1 到 19）", `empty="yes"：请用 empty=1`, `nodes="five" 不是整数`}, o.problemsIn(i18n.Chinese))
}

// The playground's refusals of a link's world are said in Chinese too.
func TestWorldProblemsInChinese(t *testing.T) {
	for raw, want := range map[string]string{
		"scenario=nope":    `没有名为 "nope" 的内置场景（现有：`,
		"scenario=a.b":     `没有名为 "a.b" 的内置场景`,
		"nodes=10":         "nodes 必须在 1..9 之间（现为 10）",
		"nodes=5&load=-1":  "load 必须在 0..5000 条在途消息之间（现为 -1）",
		"nodes=5&load=1e9": `load="1e9" 不是整数`,
	} {
		o := optionsFromQuery(query(t, raw))
		require.Len(t, o.problems, 1, raw)
		assert.Contains(t, o.problemsIn(i18n.Chinese)[0], want, raw)
	}
}

// A load world is named in the page's language once it is known; a
// bundled scenario keeps its file's name.
func TestLoadWorldNamedInThePageLanguage(t *testing.T) {
	o := optionsFromQuery(query(t, "nodes=3&load=40"))
	require.NotNil(t, o.scenario)
	assert.Equal(t, "Load: 3 nodes, about 40 messages in flight", o.scenario.Name)
	o.nameIn(i18n.Chinese)
	assert.Equal(t, "负载：3 个节点，约 40 条消息在途", o.scenario.Name)
	assert.Equal(t, "帧率基准测试的集群。", o.scenario.Description)

	o = optionsFromQuery(query(t, "scenario=figure7"))
	name := o.scenario.Name
	o.nameIn(i18n.Chinese)
	assert.Equal(t, name, o.scenario.Name)
}

// TestOptionsCarryTheLab: whatever the link, the options carry the lab
// the game is to use; a lesson link's is the one it was checked against,
// whose course is then parsed already (the start parses it once).
func TestOptionsCarryTheLab(t *testing.T) {
	for _, raw := range []string{"", "lesson=3&step=2", "lesson=99", "nodes=5&load=50", "scenario=nope"} {
		assert.NotNil(t, optionsFromQuery(query(t, raw)).lab, raw)
	}
	o := optionsFromQuery(query(t, "lesson=3&step=2"))
	all, err := o.lab.AllIn(i18n.English)
	require.NoError(t, err)
	assert.Equal(t, 3, all[2].Number)
}

// ?embed=1 goes with a scenario and a language; a lesson needs its panel,
// so it wins and the link says so; a bad value is a problem.
func TestEmbedFromQuery(t *testing.T) {
	o := optionsFromQuery(query(t, "embed=1&scenario=leader-crash&lang=zh-CN"))
	assert.True(t, o.embed)
	require.NotNil(t, o.scenario)
	assert.Equal(t, i18n.Chinese, o.lang)
	assert.Empty(t, o.problems)

	o = optionsFromQuery(query(t, "embed=0"))
	assert.False(t, o.embed)
	assert.Empty(t, o.problems)

	o = optionsFromQuery(query(t, "embed=1&lesson=2"))
	assert.False(t, o.embed)
	assert.Equal(t, 2, o.lesson)
	assert.Equal(t, []string{"embed=1 cannot show a lesson: lesson 2 opens in the full app"}, o.problemsIn(i18n.English))

	o = optionsFromQuery(query(t, "embed=yes"))
	assert.False(t, o.embed)
	assert.Equal(t, []string{`embed="yes"：请用 embed=1`}, o.problemsIn(i18n.Chinese))
}
