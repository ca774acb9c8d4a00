package lessons

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const structureEN = "---\ntitle: Votes\nnumber: 3\nsummary: How votes work.\n---\n\n# Votes\n\nIntro.\n\n" +
	"## Who wins?\nkind: predict\nquestion: What happens?\nchoice: S1 wins.\nwhen: leaderIs(1)\nchoice: S2 wins.\nwhen: leaderIs(2)\nanswer: 1\nuntil: leader\nhighlight: group 1 2 \"2 of 5\", node 1\n\nText.\n\n### Explanation\n\nBecause.\n"

func TestSameStructureIgnoresTheText(t *testing.T) {
	zh := "---\ntitle: 选票\nnumber: 3\nsummary: 选票如何工作。\n---\n\n# 选票\n\n引言。\n\n" +
		"## 谁会赢？\nkind: predict\nquestion: 接下来会怎样？\nchoice: S1 赢。\nwhen: leaderIs(1)\nchoice: S2 赢。\nwhen: leaderIs(2)\nanswer: 1\nuntil: leader\nhighlight: group 1 2 \"5 票中的 2 票\", node 1\n\n正文，\n多行。\n\n### Explanation\n\n因为。\n"
	assert.NoError(t, SameStructure("en.md", []byte(structureEN), "zh.md", []byte(zh)))
}

func TestSameStructureFindsWhatDrifted(t *testing.T) {
	for name, c := range map[string]struct{ from, to, msg string }{
		"a condition":      {"until: leader", "until: leader and term = 1", `zh.md:19: "until: leader and term = 1" where en.md:19 has "until: leader"`},
		"an answer":        {"answer: 1", "answer: 2", `"answer: 2" where en.md:18 has "answer: 1"`},
		"a lost choice":    {"choice: S2 wins.\nwhen: leaderIs(2)\n", "", `zh.md:16: "answer: 1" where en.md:16 has "choice: …"`},
		"a lost section":   {"### Explanation\n\nBecause.\n", "", "zh.md: ends where en.md:24 goes on with \"### Explanation\""},
		"an extra step":    {"Because.\n", "Because.\n\n## Again\nkind: watch\nuntil: leader\n\nMore.\n", `zh.md:28: "## …" has nothing to match in en.md`},
		"a group":          {"group 1 2", "group 1 3", `zh.md:20: "highlight: group 1 3 \"…\", node 1" where en.md:20 has "highlight: group 1 2 \"…\", node 1"`},
		"the number":       {"number: 3", "number: 4", `zh.md:3: "number: 4" where en.md:3 has "number: 3"`},
		"a renamed marker": {"### Explanation", "### 解释", `"### 解释" where en.md:24 has "### Explanation"`},
	} {
		tr := replaceOnce(t, structureEN, c.from, c.to)
		err := SameStructure("en.md", []byte(structureEN), "zh.md", []byte(tr))
		require.Error(t, err, name)
		assert.Contains(t, err.Error(), c.msg, name)
	}
}

func replaceOnce(t *testing.T, s, from, to string) string {
	t.Helper()
	i := strings.Index(s, from)
	require.GreaterOrEqual(t, i, 0, "%q not in the lesson", from)
	return s[:i] + to + s[i+len(from):]
}
