package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBreakUnits(t *testing.T) {
	for s, want := range map[string][]string{
		"":                     nil,
		"a leader was elected": {"a ", "leader ", "was ", "elected"},
		"领导者选举":                {"领", "导", "者", "选", "举"},
		"S1 成为任期 3 的领导者。":      {"S1 ", "成", "为", "任", "期 ", "3 ", "的", "领", "导", "者。"},
		"它说：“我还在。”然后":          {"它", "说：", "“我", "还", "在。”", "然", "后"},
		"发送（RequestVote）给":     {"发", "送", "（RequestVote）", "给"},
		"用 RequestVote 拉票，":    {"用 ", "RequestVote ", "拉", "票，"},
		"提交索引(commit index)前进": {"提", "交", "索", "引", "(commit ", "index)", "前", "进"},
		"a「b」c、d？e！":           {"a", "「b」", "c、", "d？", "e！"},
		"多数派（3 台）":             {"多", "数", "派", "（3 ", "台）"},
		"x  y":                 {"x  ", "y"},
	} {
		got := breakUnits(s)
		assert.Equal(t, want, got, s)
		assert.Equal(t, s, strings.Join(got, ""), "nothing lost: %s", s)
	}
}

// TestNoLineStartsWithClosingPunctuation wraps Chinese text at every
// width and checks the rules on every line.
func TestNoLineStartsWithClosingPunctuation(t *testing.T) {
	s := "领导者（Leader）每隔 50 毫秒向每个跟随者发送一次心跳：一条不带条目的「AppendEntries」。跟随者收到后，重置自己的选举超时！"
	units := breakUnits(s)
	for width := 1; width <= 30; width++ {
		var lines []string
		line := ""
		for _, u := range units {
			if line != "" && len([]rune(strings.TrimRight(line+u, " "))) > width {
				lines = append(lines, line)
				line = ""
			}
			line += u
		}
		lines = append(lines, line)
		assert.Equal(t, s, strings.Join(lines, ""))
		for _, l := range lines {
			first, last := []rune(l)[0], lastRune(strings.TrimRight(l, " "))
			assert.NotContains(t, noLineStart, string(first), "width %d: line %q starts with closing punctuation", width, l)
			assert.NotContains(t, noLineEnd, string(last), "width %d: line %q ends with opening punctuation", width, l)
		}
	}
}

// lastRune is the last character of s.
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// TestChineseLessonTextWraps: a Chinese paragraph (no spaces) wraps
// between characters, every line within the width, none starting with
// closing punctuation, a key term and the punctuation after it kept
// together; plain text too.
func TestChineseLessonTextWraps(t *testing.T) {
	withCJKFont(t)
	spans := []doc.Span{
		{Text: "每隔 50 毫秒，", Style: doc.Plain},
		{Text: "领导者(Leader)", Style: doc.Term},
		{Text: "，向每个跟随者发送一次心跳：一条不带条目的 AppendEntries。跟随者收到后，重置自己的选举超时。", Style: doc.Plain},
	}
	for _, width := range []float64{120, 200, 333} {
		lines := wrapSpans(spans, width, 14, false)
		require.Greater(t, len(lines), 1, "width %v", width)
		var all strings.Builder
		for _, l := range lines {
			var text strings.Builder
			for _, r := range l {
				text.WriteString(r.text)
			}
			s := text.String()
			all.WriteString(s)
			assert.NotContains(t, noLineStart, string([]rune(s)[0]), "width %v: %q", width, s)
			last := l[len(l)-1]
			assert.LessOrEqual(t, last.x+textWidth(strings.TrimRight(last.text, " "), spanFace(last.style, 14, false)), width+0.5, "width %v: %q", width, s)
		}
		assert.Equal(t, "每隔 50 毫秒，领导者(Leader)，向每个跟随者发送一次心跳：一条不带条目的 AppendEntries。跟随者收到后，重置自己的选举超时。",
			strings.ReplaceAll(all.String(), "  ", " "), "width %v: nothing lost", width)
		plain := wrapPlain(spans[2].Text, face(14, false), width)
		for i, l := range plain {
			assert.LessOrEqual(t, textWidth(l, face(14, false)), width+0.5, "%q", l)
			if i > 0 { // (the text itself begins with ，)
				assert.NotContains(t, noLineStart, string([]rune(l)[0]), "%q", l)
			}
		}
		nospace := func(s string) string { return strings.ReplaceAll(s, " ", "") }
		assert.Equal(t, nospace(spans[2].Text), nospace(strings.Join(plain, "")), "plain: nothing lost at %v (a space at a break goes)", width)
	}
}
