package lessons

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every catalogue key the engine names is in the catalogue: a missing one
// would show as [key] to the author.
func TestMessageKeysAreInTheCatalogue(t *testing.T) {
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	keyRE := regexp.MustCompile(`^lessons\.[a-z0-9.-]*[a-z0-9]$`)
	keys := i18n.Keys()
	found := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(gotoken.NewFileSet(), f, nil, 0)
		require.NoError(t, err)
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != gotoken.STRING {
				return true
			}
			s, _ := strconv.Unquote(lit.Value)
			if keyRE.MatchString(s) {
				found++
				assert.True(t, slices.Contains(keys, s), "%s: %s is not in the catalogue", f, s)
			}
			return true
		})
	}
	assert.Greater(t, found, 150, "the engine's messages are found")
	for _, s := range []doc.Style{doc.Bold, doc.Italic} {
		assert.Contains(t, keys, styleName(s).Key)
	}
}

func TestErrorInChinese(t *testing.T) {
	for _, tc := range []struct {
		edit   func(string) string
		en, zh string
	}{
		{func(s string) string { return strings.Replace(s, "until: leader", "until: leadr", 1) },
			`tiny.md:14: step 1 "Start": until: "leadr": unknown name "leadr" (did you mean leader?); the names are: `,
			`tiny.md:14: 第 1 步 "Start"：until："leadr"：未知的名称 "leadr"（是不是 leader？）；可用的名称有：`},
		{func(s string) string {
			return strings.Replace(s, `"seed": 2}`, `"seed": 2, "steps": [{"do": "heal", "node": 1}]}`, 1)
		},
			`tiny.md:13: step 1 "Start": setup: action 1 (heal): field "node": `,
			`tiny.md:13: 第 1 步 "Start"：setup：动作 1（heal）：字段 "node"：未知字段`},
		{func(s string) string { return strings.Replace(s, "kind: predict", "kind: guess", 1) },
			`tiny.md:20: step 2 "Guess": kind: unknown kind "guess": a step is watch`,
			`tiny.md:20: 第 2 步 "Guess"：kind：未知的 kind "guess"：一步是 watch（运行到条件成立）`},
		{func(s string) string { return strings.Replace(s, "**bold**", "**bold", 1) },
			`tiny.md:9: unclosed ** in "**bold text."`,
			`tiny.md:9: "**bold text." 中的 ** 没有闭合`},
		{func(s string) string { return strings.Replace(s, "until: leader", "until: leader >= 1", 1) },
			`leader is true or false: it cannot be compared with >=`,
			`leader 的值是 true 或 false：不能用 >= 比较`},
	} {
		src := tc.edit(tiny)
		require.NotEqual(t, tiny, src)
		_, err := Parse("tiny.md", []byte(src))
		require.Error(t, err)
		assert.Contains(t, err.Error(), tc.en)
		assert.Equal(t, err.Error(), i18n.ErrorIn(err, English), "English is the error's own text")
		assert.Contains(t, i18n.ErrorIn(err, Chinese), tc.zh)
		assert.NotContains(t, i18n.ErrorIn(err, i18n.Pseudo), "[lessons.", "every key is in the catalogue")
	}
}

func TestProblemsInChinese(t *testing.T) {
	b := Balance{Predicts: 4, Positions: []int{4}, LongestRight: 4}
	assert.Equal(t, []string{
		"answer position 1 holds 4 of 4 predict answers (100%; at most 40%)",
		"the longest choice is the answer in 4 of 4 predict steps (100%; at most 40%)",
	}, b.ProblemsIn(English))
	assert.Equal(t, []string{
		"第 1 个位置是 4/4 个 predict 答案（100%；上限 40%）",
		"最长的选项是答案的情况占 4/4 个 predict 步骤（100%；上限 40%）",
	}, b.ProblemsIn(Chinese))
}
