package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMain runs the tests in English whatever the machine's locale is: the
// tests that want another language say --lang.
func TestMain(m *testing.M) {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		os.Unsetenv(v)
	}
	os.Exit(m.Run())
}

func TestChooseLang(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	for _, tc := range []struct {
		args   []string
		env    map[string]string
		want   i18n.Lang
		rest   []string
		notice string
	}{
		{[]string{"lesson", "list"}, nil, i18n.English, []string{"lesson", "list"}, ""},
		{[]string{"--lang", "zh-CN", "lesson", "list"}, nil, i18n.Chinese, []string{"lesson", "list"}, ""},
		{[]string{"lesson", "check", "3", "--lang=zh"}, nil, i18n.Chinese, []string{"lesson", "check", "3"}, ""},
		{[]string{"run", "-lang", "en", "f.json"}, map[string]string{"LANG": "zh_CN.UTF-8"}, i18n.English, []string{"run", "f.json"}, ""},
		{[]string{"help"}, map[string]string{"LANG": "zh_CN.UTF-8"}, i18n.Chinese, []string{"help"}, ""},
		{[]string{"help"}, map[string]string{"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}, i18n.English, []string{"help"}, ""},
		{[]string{"help"}, map[string]string{"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, i18n.Chinese, []string{"help"}, ""},
		{[]string{"help"}, map[string]string{"LANG": "C.UTF-8"}, i18n.English, []string{"help"}, ""},
		{[]string{"--lang", "fr", "help"}, nil, i18n.English, []string{"help"}, "raftsim: Language \"fr\" is not available; showing English.\n"},
		{[]string{"help"}, map[string]string{"LANG": "de_DE.UTF-8"}, i18n.English, []string{"help"}, "raftsim: Language \"de_DE.UTF-8\" is not available; showing English.\n"},
	} {
		var stderr bytes.Buffer
		lang, rest, err := chooseLang(tc.args, env(tc.env), &stderr)
		require.NoError(t, err, "%v", tc.args)
		assert.Equal(t, tc.want, lang, "%v %v", tc.args, tc.env)
		assert.Equal(t, tc.rest, rest, "%v", tc.args)
		assert.Equal(t, tc.notice, stderr.String(), "%v %v", tc.args, tc.env)
	}
	_, _, err := chooseLang([]string{"help", "--lang"}, env(nil), &bytes.Buffer{})
	assert.EqualError(t, err, "--lang needs a language: en or zh-CN")
}

func TestCLILangFallsBackToEnglish(t *testing.T) {
	r := cliRun(t, "--lang", "klingon", "lesson", "list")
	assert.Equal(t, 0, r.code)
	assert.Equal(t, "raftsim: Language \"klingon\" is not available; showing English.\n", r.stderr)
	assert.Equal(t, cliRun(t, "lesson", "list").stdout, r.stdout)

	r = cliRun(t, "help", "--lang")
	assert.Equal(t, 2, r.code)
	assert.Equal(t, "raftsim: --lang needs a language: en or zh-CN\n", r.stderr)
}

func TestCLILangEnglishIsTheDefault(t *testing.T) {
	for _, args := range [][]string{
		{"lesson", "list"},
		{"lesson", "check", "3", "-v"},
		{"lesson", "stats", "3", "6"},
		{"run", cliScenarios + "log-replication.json"},
		{"help"},
	} {
		en := cliRun(t, append([]string{"--lang", "en"}, args...)...)
		def := cliRun(t, args...)
		assert.Equal(t, def.code, en.code, "%v", args)
		assert.Equal(t, scrubWall(def.stdout), scrubWall(en.stdout), "%v", args)
		zh := cliRun(t, append([]string{"--lang", "zh-CN"}, args...)...)
		assert.NotEqual(t, scrubWall(def.stdout), scrubWall(zh.stdout), "%v: Chinese is another text", args)
	}
}

// scrubWall blanks the wall-clock time of an auto-play, the one figure
// that differs between two runs.
func scrubWall(s string) string {
	return regexp.MustCompile(`(auto-played in|用时) \d+ ms`).ReplaceAllString(s, "$1 N ms")
}

func TestCLILangJSONIsTheSameInEveryLanguage(t *testing.T) {
	for _, args := range [][]string{
		{"run", cliScenarios + "log-replication.json", "--json"},
		{"lesson", "stats", "3", "zh-CN/6", "--json"},
	} {
		en := cliRun(t, args...)
		require.Equal(t, 0, en.code, en.stderr)
		zh := cliRun(t, append([]string{"--lang", "zh-CN"}, args...)...)
		assert.Equal(t, en.stdout, zh.stdout, "%v", args)
		assert.Equal(t, en.stderr, zh.stderr, "%v", args)
	}
}

func TestCLILangChineseLessonErrors(t *testing.T) {
	bad := lessonFile(t, "03-leader-election", func(s string) string { return strings.Replace(s, "until: leader\n", "until: leadr\n", 1) })
	en := cliRun(t, "lesson", "check", bad)
	zh := cliRun(t, "--lang", "zh-CN", "lesson", "check", bad)
	assert.Equal(t, 2, zh.code)
	place := regexp.MustCompile(`^raftsim: [^ ]+:\d+: `).FindString(en.stderr)
	require.NotEmpty(t, place, en.stderr)
	assert.True(t, strings.HasPrefix(zh.stderr, place), "the same file:line: %q", zh.stderr)
	assert.Contains(t, zh.stderr, `第 2 步 "Who wins?"：until："leadr"：未知的名称 "leadr"（是不是 leader？）；可用的名称有：`)
	assert.Equal(t, 1, strings.Count(zh.stderr, "\n"), "one line: %q", zh.stderr)

	// An auto-play failure: the file's answer is not what the run did.
	wrong := lessonFile(t, "06-log-repair", func(s string) string {
		i := strings.Index(s, "## How far back?")
		return s[:i] + strings.Replace(s[i:], "answer: 2", "answer: 1", 1)
	})
	zh = cliRun(t, "--lang", "zh-CN", "lesson", "check", wrong)
	assert.Equal(t, 1, zh.code)
	assert.Contains(t, zh.stdout, `  FAIL 第  7 步 predict "How far back?"`)
	assert.Contains(t, zh.stdout, `第 7 步 "How far back?"：answer：文件写的答案是选项 1（"One: S3 answers with where its log ends."，when rejections(3) = 1），但运行结果是选项 2`)
	assert.Contains(t, zh.stdout, "rejections(3) 为 6", "the facts that explain it")
	assert.Contains(t, zh.stdout, "FAIL："+wrong+" 在第 7 步（共 10 步）停止")
}

func TestCLILangChineseTablesLineUp(t *testing.T) {
	r := cliRun(t, "--lang", "zh-CN", "lesson", "stats", "zh-CN/3", "zh-CN/6", "zh-CN/13")
	require.Contains(t, r.stdout, "合计（3 课）")
	assert.Contains(t, r.stdout, "zh-CN/03-leader-election ", "a translation is named as the command line names it")
	var at []int
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		if i := strings.Index(line, "步骤 "); i >= 0 {
			at = append(at, displayWidth(line[:i]))
		}
	}
	assert.Equal(t, []int{31, 31, 31, 31}, at, "every row's figures start in the same column:\n%s", r.stdout)

	r = cliRun(t, "--lang", "zh-CN", "lesson", "check", "zh-CN/3")
	require.Equal(t, 0, r.code, r.stdout)
	rows := regexp.MustCompile(`(?m)^  ok   第 .* (\d+)-\d+ ms$`).FindAllStringSubmatchIndex(r.stdout, -1)
	require.NotEmpty(t, rows)
	for _, m := range rows {
		row := r.stdout[m[0]:m[1]]
		assert.Equal(t, 71, displayWidth(r.stdout[m[0]:m[3]]), "the times end in one column: %q", row)
	}
}

// displayWidth is how many terminal columns s takes, as padWide counts
// them.
func displayWidth(s string) int { return 1000 - (len(padWide(s, 1000)) - len(s)) }

// TestCLILangChineseRun: a run's expectations and violations, and a
// scenario file's errors, in the language asked for.
func TestCLILangChineseRun(t *testing.T) {
	sc := "../../playground/scenarios/figure8-unsafe.json"
	en := cliRun(t, "run", sc)
	zh := cliRun(t, "--lang", "zh-CN", "run", sc)
	assert.Equal(t, en.code, zh.code)
	assert.Contains(t, en.stdout, "ok   at    400 ms  ok: S5 leads (leader: S5)")
	assert.Contains(t, zh.stdout, "ok      400 ms  通过：S5 是领导者（领导者：S5）")
	assert.Contains(t, en.stdout, "VIOLATION at 252 ms: Leader Completeness: S5 became leader for term 5 without the committed entry at index 2")
	assert.Contains(t, zh.stdout, "违反安全性质，252 ms：领导者完备性：S5 成为任期 5 的领导者，却没有索引 2 处已提交的日志条目")

	bad := filepath.Join(t.TempDir(), "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"name": "t", "nodes": 3, "steps": [{"at": 5, "do": "crash", "node": 12}]}`), 0o644))
	en = cliRun(t, "run", bad)
	zh = cliRun(t, "--lang", "zh-CN", "run", bad)
	assert.Equal(t, 2, zh.code)
	assert.Equal(t, "raftsim: "+bad+`: steps[0] (crash): field "node": must be a node ID in 1..9, not 12`+"\n", en.stderr)
	assert.Equal(t, "raftsim: "+bad+`: steps[0]（crash）：字段 "node"：必须是 1..9 中的节点 ID（现为 12）`+"\n", zh.stderr)
}
