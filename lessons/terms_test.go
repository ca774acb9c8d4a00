package lessons

import (
	"testing"

	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const termsZH = "---\ntitle: 选举\nnumber: 3\n---\n\n" +
	"## 五个跟随者\nkind: watch\nsetup: {\"nodes\": 5}\nuntil: leader\n\n五个`跟随者`。一个`跟随者`超时后，`S3` 发出 `RequestVote`，成为`候选人`。\n\n" +
	"### Explanation\n\n`候选人`赢得了`多数派`；`跟随者`重置`选举超时`。\n"

func TestChineseLessonSetsTheEnglishTermBesideItsFirstUse(t *testing.T) {
	l, err := Parse("lessons/zh-CN/03-x.md", []byte(termsZH))
	require.NoError(t, err)
	assert.Equal(t, Chinese, l.Lang)
	var terms []string
	for _, ps := range [][]doc.Paragraph{l.Engine[0].Narration, l.Engine[0].Explanation} {
		for _, p := range ps {
			for _, sp := range p.Spans {
				if sp.Style == doc.Term {
					terms = append(terms, sp.Text)
				}
			}
		}
	}
	assert.Equal(t, []string{"跟随者(Follower)", "跟随者", "S3", "RequestVote", "候选人(Candidate)", "候选人", "多数派(Majority)", "跟随者", "选举超时(election timeout)"}, terms)
	for _, term := range terms[:len(terms)-1] {
		if term == "S3" {
			continue
		}
		_, ok := doc.Lookup(term)
		assert.True(t, ok, "%s is still its glossary entry", term)
	}
	e, _ := doc.Lookup("选举超时(election timeout)")
	zh, meaning := e.In(Chinese)
	assert.Equal(t, "选举超时", zh)
	assert.Contains(t, meaning, "随机")
}

func TestChineseLessonRefusesAnEnglishTerm(t *testing.T) {
	bad := replaceOnce(t, termsZH, "`候选人`赢得", "`candidate`赢得")
	_, err := Parse("lessons/zh-CN/03-x.md", []byte(bad))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "`candidate` in a zh-CN lesson: write `候选人`, the glossary's term")
}

func TestEnglishLessonKeepsItsTerms(t *testing.T) {
	l, err := Parse("lessons/03-x.md", []byte("---\ntitle: x\n---\n\n## A\nkind: watch\nsetup: {\"nodes\": 5}\nuntil: leader\n\nTwo `followers` and a `follower`.\n"))
	require.NoError(t, err)
	assert.Equal(t, English, l.Lang)
	assert.Equal(t, "followers", l.Engine[0].Narration[0].Spans[1].Text)
}

func TestEveryGlossaryTermHasChinese(t *testing.T) {
	seen := map[string]string{}
	for _, e := range doc.Glossary {
		assert.NotEmpty(t, e.Zh, e.Term)
		assert.NotEmpty(t, e.ZhMeaning, e.Term)
		if other, ok := seen[e.Zh]; ok {
			t.Errorf("%s and %s are both %s in Chinese", other, e.Term, e.Zh)
		}
		seen[e.Zh] = e.Term
		got, ok := doc.Lookup(e.Zh)
		assert.True(t, ok && got.Term == e.Term, "Lookup(%s) finds %s", e.Zh, e.Term)
	}
}

// TestChineseNotesKeepTheirOwnFirstUses: the speaker's notes are held to
// the glossary's Chinese terms, and set the English beside their own
// first use without taking it from the learner's text.
func TestChineseNotesKeepTheirOwnFirstUses(t *testing.T) {
	withNotes := termsZH + "\n### Notes\n\n指着`跟随者`：它的`选举超时`重置了。\n"
	l, err := Parse("lessons/zh-CN/03-x.md", []byte(withNotes))
	require.NoError(t, err)
	assert.Equal(t, "跟随者(Follower)", l.Engine[0].Narration[0].Spans[1].Text, "the learner's first use is the narration's")
	var notes []string
	for _, sp := range l.Engine[0].Notes[0].Spans {
		if sp.Style == doc.Term {
			notes = append(notes, sp.Text)
		}
	}
	assert.Equal(t, []string{"跟随者(Follower)", "选举超时(election timeout)"}, notes)

	_, err = Parse("lessons/zh-CN/03-x.md", []byte(replaceOnce(t, withNotes, "`选举超时`重置了", "`election timeout`重置了")))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "`election timeout` in a zh-CN lesson: write `选举超时`")
}
