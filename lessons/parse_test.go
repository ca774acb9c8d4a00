package lessons

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tiny is a small valid lesson that the error cases below break one piece
// at a time.
const tiny = `---
title: Tiny
number: 1
minutes: 2
---

# Tiny

An intro with **bold** text.

## Start
kind: watch
setup: {"nodes": 3, "seed": 2}
until: leader
highlight: leader, control play

Three servers elect a leader. A ` + "`follower`" + ` times out.

## Guess
kind: predict
question: Who leads?
choice: Somebody.
when: leader
choice: Nobody.
when: noLeader
answer: 1
until: elapsed >= 500ms

Make a guess.

### Explanation

Somebody does.

## Crash it
kind: do
goal: newLeader
hint: Crash the leader.
showme: [{"do": "crash", "node": "leader"}]

Crash the leader.
`

// TestParseMoreSpeedTopic reads the folded ### More (before or after the
// explanation), the speaker's ### Notes, the step's and the lesson's
// speeds and an assessment topic.
func TestParseMoreSpeedTopic(t *testing.T) {
	src := strings.Replace(tiny, "minutes: 2\n", "minutes: 2\nspeed: 1/10x\n", 1)
	src = strings.Replace(src, "until: leader\n", "until: leader\nspeed: 1/2x\ntopic: elections\n", 1)
	src = strings.Replace(src, "Make a guess.\n", "Make a guess.\n\n### More\n\nDepth for the **curious**.\n", 1)
	src += "\n### Explanation\n\nIt fell.\n\n### More\n\nWhy it fell.\n\n### Notes\n\nAsk the room who wins.\n"
	l, err := Parse("tiny.md", []byte(src))
	require.NoError(t, err)
	assert.Equal(t, 100, l.Speed)
	assert.Equal(t, 500, l.Engine[0].Speed)
	assert.Equal(t, "elections", l.Engine[0].Topic)
	assert.Equal(t, 500, l.PlaySpeed(l.Steps[0]))
	assert.Equal(t, 100, l.PlaySpeed(l.Steps[1]), "a step without a speed plays at the lesson's")
	assert.Equal(t, "Make a guess.", l.Engine[1].Narration[0].Text())
	assert.Equal(t, "Somebody does.", l.Engine[1].Explanation[0].Text())
	assert.Equal(t, "Depth for the curious.", l.Engine[1].More[0].Text())
	assert.Equal(t, "It fell.", l.Engine[2].Explanation[0].Text())
	assert.Equal(t, "Why it fell.", l.Engine[2].More[0].Text())
	assert.Equal(t, "Ask the room who wins.", l.Engine[2].Notes[0].Text())
	assert.Empty(t, l.Engine[1].Notes)

	l, err = Parse("tiny.md", []byte(tiny))
	require.NoError(t, err)
	assert.Equal(t, doc.DefaultSpeed, l.PlaySpeed(l.Steps[0]), "no speed anywhere: the default")
	assert.Empty(t, l.Engine[1].More)
}

func TestParseTiny(t *testing.T) {
	l, err := Parse("tiny.md", []byte(tiny))
	require.NoError(t, err)
	assert.Equal(t, "tiny", l.Name)
	assert.Equal(t, "Tiny", l.Title)
	assert.Equal(t, 1, l.Number)
	assert.Equal(t, 2, l.Minutes)
	require.Len(t, l.Intro, 1)
	assert.Equal(t, []doc.Span{{Text: "An intro with ", Style: doc.Plain}, {Text: "bold", Style: doc.Bold}, {Text: " text.", Style: doc.Plain}}, l.Intro[0].Spans)
	require.Len(t, l.Engine, 3)

	s := l.Engine[0]
	assert.Equal(t, doc.Watch, s.Kind)
	assert.Equal(t, "Start", s.Title)
	assert.Equal(t, 11, s.Line)
	assert.True(t, s.Setup.Fresh())
	assert.Equal(t, 3, s.Nodes)
	assert.Equal(t, int64(2), s.Setup.Scenario.Settings.Seed)
	assert.Equal(t, "leader", s.Until.String())
	assert.Equal(t, int64(DefaultWithinMs), s.Within)
	assert.Equal(t, []doc.Highlight{{What: doc.HighlightNode, Ref: "leader"}, {What: doc.HighlightControl, Control: "play"}}, s.Highlights)
	assert.Equal(t, []doc.Span{{Text: "Three servers elect a leader. A ", Style: doc.Plain}, {Text: "follower", Style: doc.Term}, {Text: " times out.", Style: doc.Plain}}, s.Narration[0].Spans)

	s = l.Engine[1]
	assert.Equal(t, doc.Predict, s.Kind)
	assert.Nil(t, s.Setup)
	assert.Equal(t, 3, s.Nodes, "the cluster carries over")
	assert.Equal(t, "Who leads?", spansText(s.Question))
	require.Len(t, s.Choices, 2)
	assert.Equal(t, "Nobody.", spansText(s.Choices[1].Text))
	assert.Equal(t, "noLeader", s.When[1].String())
	assert.Equal(t, 0, s.Answer)
	assert.Equal(t, "Somebody does.", s.Explanation[0].Text())

	s = l.Engine[2]
	assert.Equal(t, doc.Do, s.Kind)
	assert.Equal(t, "newLeader", s.Goal.String())
	require.Len(t, s.ShowMe.Steps, 1)
	assert.Equal(t, "crash", s.ShowMe.Steps[0].Do)
	assert.Equal(t, DefaultHintAfter, s.HintAfter)
	assert.Equal(t, "Crash the leader.", s.Hints[0].Text())
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		// edit turns tiny into the broken file.
		edit func(string) string
		// want are substrings of the error; step is the step it names (0:
		// none).
		want []string
		step int
	}{
		{"no front matter", func(s string) string { return strings.TrimPrefix(s, "---\n") },
			[]string{"tiny.md:1: ", "begins with its front matter"}, 0},
		{"unclosed front matter", func(s string) string { return strings.Replace(s, "minutes: 2\n---", "minutes: 2\n", 1) },
			[]string{"front matter is not closed"}, 0},
		{"misspelled front matter key", func(s string) string { return strings.Replace(s, "title:", "titel:", 1) },
			[]string{"tiny.md:2: ", `unknown key "titel" (did you mean title?)`}, 0},
		{"missing title", func(s string) string { return strings.Replace(s, "title: Tiny\n", "", 1) },
			[]string{"title: required"}, 0},
		{"bad number", func(s string) string { return strings.Replace(s, "number: 1", "number: one", 1) },
			[]string{"tiny.md:3: number: expected a whole number"}, 0},
		{"front matter line without a key", func(s string) string { return strings.Replace(s, "number: 1", "just words", 1) },
			[]string{"expected key: value in the front matter"}, 0},
		{"unknown engine", func(s string) string { return strings.Replace(s, "minutes: 2\n", "minutes: 2\nengine: etc\n", 1) },
			[]string{"tiny.md:5: engine: ", `unknown engine "etc" (the engines: raftlab, etcd)`}, 0},
		{"a teaching switch on etcd's engine", func(s string) string {
			s = strings.Replace(s, "minutes: 2\n", "minutes: 2\nengine: etcd\n", 1)
			return strings.Replace(s, `"seed": 2}`, `"seed": 2, "rules": {"fixedElectionTimeout": true}}`, 1)
		}, []string{`step 1 "Start": setup: `, "teaching switches", "belong to RaftLab's engine"}, 1},
		{"no steps", func(s string) string { return s[:strings.Index(s, "## Start")] },
			[]string{"the lesson has no steps"}, 0},
		{"unknown kind", func(s string) string { return strings.Replace(s, "kind: watch", "kind: wach", 1) },
			[]string{`tiny.md:12: step 1 "Start": kind: unknown kind "wach"`}, 1},
		{"kind not first", func(s string) string {
			return strings.Replace(s, "kind: watch\nsetup: {\"nodes\": 3, \"seed\": 2}", "setup: {\"nodes\": 3, \"seed\": 2}\nkind: watch", 1)
		}, []string{"kind: the header's first line must be kind"}, 1},
		{"no header", func(s string) string {
			return strings.Replace(s, "kind: do\ngoal: newLeader\nhint: Crash the leader.\nshowme: [{\"do\": \"crash\", \"node\": \"leader\"}]\n\n", "\n", 1)
		}, []string{`step 3 "Crash it"`, "kind: "}, 3},
		{"misspelled header key", func(s string) string { return strings.Replace(s, "until: leader", "untill: leader", 1) },
			[]string{`step 1 "Start": untill: unknown key "untill" (did you mean until?)`}, 1},
		{"unknown predicate", func(s string) string { return strings.Replace(s, "until: leader", "until: leadr", 1) },
			[]string{`step 1 "Start": until: "leadr": unknown name "leadr" (did you mean leader?)`}, 1},
		{"a number used as a condition", func(s string) string { return strings.Replace(s, "until: leader", "until: rejections(2)", 1) },
			[]string{"rejections(2) is a number: compare it"}, 1},
		{"server out of range", func(s string) string { return strings.Replace(s, "when: leader\n", "when: leaderIs(4)\n", 1) },
			[]string{`step 2 "Guess": when: "leaderIs(4)"`, "a server number from 1 to 3"}, 2},
		{"a setup field given twice", func(s string) string {
			return strings.Replace(s, `setup: {"nodes": 3, "seed": 2}`, `setup: {"nodes": 3, "nodes": 5, "seed": 2}`, 1)
		}, []string{`setup: field "nodes": given twice`}, 1},
		{"bad setup action names the step", func(s string) string {
			return strings.Replace(s, "## Guess\nkind: predict\n", "## Guess\nkind: predict\nsetup: {\"steps\": [{\"at\": 0, \"do\": \"crash\", \"node\": 12}]}\n", 1)
		}, []string{`tiny.md:21: step 2 "Guess": setup: action 1 (crash): field "node": must be a node ID in 1..9, not 12`}, 2},
		{"invalid setup JSON", func(s string) string {
			return strings.Replace(s, `{"nodes": 3, "seed": 2}`, `{"nodes": 3, "seed": }`, 1)
		},
			[]string{`step 1 "Start": setup: expected a JSON object: invalid JSON`}, 1},
		{"unknown setup field", func(s string) string { return strings.Replace(s, `"seed": 2`, `"sead": 2`, 1) },
			[]string{`setup: field "sead": unknown field`}, 1},
		{"until in a setup", func(s string) string { return strings.Replace(s, `"seed": 2`, `"until": 2`, 1) },
			[]string{`"until" has no place in a setup`}, 1},
		{"first step continues", func(s string) string { return strings.Replace(s, `{"nodes": 3, "seed": 2}`, `{"steps": []}`, 1) },
			[]string{"the first step must start a cluster"}, 1},
		{"continuing setup changes the timing", func(s string) string {
			return strings.Replace(s, "## Guess\nkind: predict\n", "## Guess\nkind: predict\nsetup: {\"timing\": {\"heartbeatMs\": 20}}\n", 1)
		}, []string{`"timing" can only be given with "nodes"`}, 2},
		{"one choice", func(s string) string { return strings.Replace(s, "choice: Nobody.\nwhen: noLeader\n", "", 1) },
			[]string{`step 2 "Guess": choice: a predict step has 2 to 6 choices, not 1`}, 2},
		{"answer not among the choices", func(s string) string { return strings.Replace(s, "answer: 1", "answer: 3", 1) },
			[]string{`step 2 "Guess": answer: 3 is not among the 2 choices`}, 2},
		{"answer not a number", func(s string) string { return strings.Replace(s, "answer: 1", "answer: first", 1) },
			[]string{`answer: expected the number of the right choice`}, 2},
		{"no answer", func(s string) string { return strings.Replace(s, "answer: 1\n", "", 1) },
			[]string{`answer: required`}, 2},
		{"choice without when", func(s string) string { return strings.Replace(s, "when: noLeader\n", "", 1) },
			[]string{`when: choice 2 ("Nobody.") needs a when line`}, 2},
		{"when before any choice", func(s string) string {
			return strings.Replace(s, "question: Who leads?\n", "question: Who leads?\nwhen: leader\n", 1)
		}, []string{"a when line follows the choice it belongs to"}, 2},
		{"no question", func(s string) string { return strings.Replace(s, "question: Who leads?\n", "", 1) },
			[]string{"question: required"}, 2},
		{"predict without explanation", func(s string) string { return strings.Replace(s, "### Explanation\n\nSomebody does.\n", "", 1) },
			[]string{`step 2 "Guess": explanation: required`}, 2},
		{"do without show me", func(s string) string {
			return strings.Replace(s, "showme: [{\"do\": \"crash\", \"node\": \"leader\"}]\n", "", 1)
		},
			[]string{`step 3 "Crash it": showme: required`}, 3},
		{"do without hint", func(s string) string { return strings.Replace(s, "hint: Crash the leader.\n", "", 1) },
			[]string{`step 3 "Crash it": hint: required`}, 3},
		{"show me at a negative time", func(s string) string { return strings.Replace(s, `[{"do": "crash",`, `[{"at": -5, "do": "crash",`, 1) },
			[]string{`tiny.md:39: step 3 "Crash it": showme: action 1: field "at": must not be negative, not -5`}, 3},
		{"show me at a duration", func(s string) string {
			return strings.Replace(s, `[{"do": "crash",`, `[{"at": "500ms", "do": "crash",`, 1)
		},
			[]string{`step 3 "Crash it": showme: action 1: field "at": expected a whole number of milliseconds after show me is pressed ("at": 500), not "500ms"`}, 3},
		{"show me at a fraction", func(s string) string { return strings.Replace(s, `[{"do": "crash",`, `[{"at": 1.5, "do": "crash",`, 1) },
			[]string{`showme: action 1: field "at": expected a whole number of milliseconds, not 1.5`}, 3},
		{"show me too late", func(s string) string {
			return strings.Replace(s, `[{"do": "crash",`, `[{"at": 600001, "do": "crash",`, 1)
		},
			[]string{`showme: action 1: field "at": 600001 is later than the limit of 10 minutes`}, 3},
		{"show me out of order", func(s string) string {
			return strings.Replace(s, `[{"do": "crash", "node": "leader"}]`, `[{"do": "crash", "node": 1, "at": 300}, {"do": "restart", "node": 1}]`, 1)
		},
			[]string{`step 3 "Crash it": showme: action 2: field "at": 0 is before action 1's 300: list show-me actions in time order`}, 3},
		{"a server the cluster does not have", func(s string) string { return strings.Replace(s, "until: leader\n", "until: up(4)\n", 1) },
			[]string{`step 1 "Start": until: "up(4)": up(...): argument 1 must be a server number from 1 to 3, not "4"`}, 1},
		{"a server added later", func(s string) string {
			return strings.Replace(s, "goal: newLeader\n", "goal: newLeader and up(5)\n", 1)
		},
			[]string{`step 3 "Crash it": goal: "newLeader and up(5)": up(...): argument 1 must be a server number from 1 to 3, not "5"`}, 3},
		{"highlight of a server the cluster does not have", func(s string) string { return strings.Replace(s, "control play", "node 4", 1) },
			[]string{`step 1 "Start": highlight: "node 4": expected a server number from 1 to 3, leader or leaderAtStart`}, 1},
		{"show me with an unknown action", func(s string) string { return strings.Replace(s, `"do": "crash"`, `"do": "smash"`, 1) },
			[]string{`showme: action 1`, `unknown action "smash"`}, 3},
		{"show me naming a server by a word", func(s string) string { return strings.Replace(s, `"node": "leader"`, `"node": "boss"`, 1) },
			[]string{`showme: action 1: field "node": "boss" is not a server`}, 3},
		{"empty show me", func(s string) string { return strings.Replace(s, `[{"do": "crash", "node": "leader"}]`, `[]`, 1) },
			[]string{`showme: show me needs at least one action`}, 3},
		{"goal in a watch step", func(s string) string {
			return strings.Replace(s, "until: leader\n", "until: leader\ngoal: leader\n", 1)
		},
			[]string{`step 1 "Start": goal: not part of a watch step`}, 1},
		{"until given twice", func(s string) string {
			return strings.Replace(s, "until: leader\n", "until: leader\nuntil: noLeader\n", 1)
		},
			[]string{"tiny.md:15: ", "until: given twice (first on line 14)"}, 1},
		{"watch without until", func(s string) string { return strings.Replace(s, "until: leader\n", "", 1) },
			[]string{`step 1 "Start": until: required`}, 1},
		{"bad duration", func(s string) string {
			return strings.Replace(s, "until: leader\n", "until: leader\nwithin: soon\n", 1)
		},
			[]string{`within: expected a duration such as 500ms or 2s`}, 1},
		{"unclosed bold", func(s string) string { return strings.Replace(s, "Make a guess.", "Make a **guess.", 1) },
			[]string{`step 2 "Guess": narration: unclosed **`}, 2},
		{"unknown key term", func(s string) string { return strings.Replace(s, "`follower`", "`folower`", 1) },
			[]string{"`folower` is not a key term (did you mean `follower`?)"}, 1},
		{"empty hint", func(s string) string { return strings.Replace(s, "hint: Crash the leader.", "hint:", 1) },
			[]string{`step 3 "Crash it": hint: empty value`}, 3},
		{"narration missing", func(s string) string { return strings.TrimSuffix(s, "\nCrash the leader.\n") + "\n" },
			[]string{`step 3 "Crash it": narration: the step has no narration`}, 3},
		{"unknown subsection", func(s string) string { return strings.Replace(s, "### Explanation", "### Why", 1) },
			[]string{`a step's subsections are "### Explanation", "### More" and "### Notes", not "### Why"`}, 2},
		{"two explanations", func(s string) string {
			return strings.Replace(s, "Somebody does.\n", "Somebody does.\n\n### Explanation\n\nAgain.\n", 1)
		},
			[]string{`a step has at most one ### Explanation`}, 2},
		{"empty more", func(s string) string {
			return strings.Replace(s, "Make a guess.\n", "Make a guess.\n\n### More\n\n", 1)
		},
			[]string{`more: ### More is empty`}, 2},
		{"empty notes", func(s string) string {
			return strings.Replace(s, "Make a guess.\n", "Make a guess.\n\n### Notes\n\n", 1)
		},
			[]string{`notes: ### Notes is empty`}, 2},
		{"unknown speed", func(s string) string { return strings.Replace(s, "until: leader\n", "until: leader\nspeed: 1/3x\n", 1) },
			[]string{`speed: expected a playback speed, one of 1/1000x,`, `not "1/3x"`}, 1},
		{"unknown control", func(s string) string { return strings.Replace(s, "control play", "control pley", 1) },
			[]string{`highlight: "control pley": unknown control "pley" (did you mean play?)`}, 1},
		{"header line without a key", func(s string) string {
			return strings.Replace(s, "until: leader\n", "until: leader\nthe narration\n", 1)
		},
			[]string{"expected key: value in the step's header"}, 1},
		{"unclosed fenced setup", func(s string) string {
			return strings.Replace(s, `setup: {"nodes": 3, "seed": 2}`, "setup:\n```json\n{\"nodes\": 3}", 1)
		}, []string{"setup: the ``` block is not closed"}, 1},
		{"untitled step", func(s string) string { return strings.Replace(s, "## Guess", "## ", 1) },
			[]string{"the step has no title"}, 2},
		{"symbols in a predicate", func(s string) string { return strings.Replace(s, "until: leader", "until: leader && noLeader", 1) },
			[]string{"write and / or"}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := tc.edit(tiny)
			require.NotEqual(t, tiny, src, "the edit changed nothing")
			_, err := Parse("tiny.md", []byte(src))
			require.Error(t, err)
			var le *Error
			require.True(t, errors.As(err, &le), "an *Error: %v", err)
			assert.Equal(t, tc.step, le.Step, "%v", err)
			assert.True(t, strings.HasPrefix(err.Error(), "tiny.md"), "names the file: %v", err)
			assert.NotContains(t, err.Error(), "\n", "one line")
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

func TestParseNotUTF8(t *testing.T) {
	_, err := Parse("bin.md", []byte{0xff, 0xfe, 0x00})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "not UTF-8")
}

func TestParseFencedBlocksAndCRLF(t *testing.T) {
	src := strings.Replace(tiny, `setup: {"nodes": 3, "seed": 2}`, "setup:\n```json\n{\n  \"nodes\": 3,\n  \"seed\": 2\n}\n```", 1)
	src = strings.Replace(src, `showme: [{"do": "crash", "node": "leader"}]`, "showme:\n```json\n[{\"do\": \"crash\", \"node\": \"leader\"}]\n```", 1)
	src = strings.ReplaceAll(src, "\n", "\r\n")
	l, err := Parse("fenced.md", []byte(src))
	require.NoError(t, err)
	assert.Equal(t, 3, l.Engine[0].Nodes)
	assert.Equal(t, "crash", l.Engine[2].ShowMe.Steps[0].Do)
	assert.Equal(t, 2, len(l.Engine[1].Choices))
}

// TestParseEngine: a lesson runs on RaftLab's engine unless its front
// matter says engine: etcd; then every cluster its steps start runs on
// etcd's.
func TestParseEngine(t *testing.T) {
	l, err := Parse("tiny.md", []byte(tiny))
	require.NoError(t, err)
	assert.Equal(t, view.EngineRaftLab, l.RunsOn)
	assert.Equal(t, view.EngineRaftLab, l.Engine[0].Setup.Scenario.Settings.Engine)

	src := strings.Replace(tiny, "minutes: 2\n", "minutes: 2\nengine: etcd\n", 1)
	src = strings.Replace(src, "## Crash it\nkind: do\n", "## Crash it\nkind: do\nsetup: {\"nodes\": 5}\n", 1)
	l, err = Parse("tiny.md", []byte(src))
	require.NoError(t, err)
	assert.Equal(t, view.EngineEtcd, l.RunsOn)
	var fresh int
	for _, st := range l.Engine {
		if st.Setup.Fresh() {
			fresh++
			assert.Equal(t, view.EngineEtcd, st.Setup.Scenario.Settings.Engine, "step %d", st.Index+1)
		}
	}
	assert.Equal(t, 2, fresh)
}

func TestParseOptionalFields(t *testing.T) {
	src := strings.Replace(tiny, "hint: Crash the leader.\n", "hint: Crash the leader.\nhint: Use the *menu*.\nhintAfter: 5s\nwithin: 1.5s\nsettle: 200ms\n", 1)
	l, err := Parse("x.md", []byte(src))
	require.NoError(t, err)
	s := l.Engine[2]
	assert.Equal(t, 5*time.Second, s.HintAfter)
	assert.Equal(t, int64(1500), s.Within)
	assert.Equal(t, int64(200), s.Settle)
	assert.Equal(t, []doc.Span{{Text: "Use the ", Style: doc.Plain}, {Text: "menu", Style: doc.Italic}, {Text: ".", Style: doc.Plain}}, s.Hints[1].Spans)
}

func TestHighlights(t *testing.T) {
	three := firstServers(3)
	_, err := parseHighlights("node 1 2, leaderAtStart, link 1-3, messages requestvote, log 2:5, log *:4, log leader, label next index, label commit index, control menu-crash", three)
	require.EqualError(t, err, `"label next index": `+checkTerm("next index").Error())
	hs, err := parseHighlights("node 1 2, leaderAtStart, link 1-3, messages requestvote, log 2:5, log *:4, log leader, label commit index, control menu-crash", three)
	require.NoError(t, err)
	var names []string
	for _, h := range hs {
		names = append(names, h.String())
	}
	assert.Equal(t, []string{"node 1", "node 2", "node leaderAtStart", "link 1-3", "messages RequestVote", "log 2:5", "log *:4", "log leader",
		"label commit index", "control menu-crash"}, names)
	for _, bad := range []string{"node 4", "link 1-1", "link 1", "messages Votes", "log *", "log 2:0", "glow 1", "node", "leader 2", "node 0", "node 10", "link 1-5"} {
		_, err := parseHighlights(bad, three)
		assert.Error(t, err, bad)
	}

	// Servers added by addNode may be named too.
	added := three.with(5)
	hs, err = parseHighlights("node 5, link 1-5, log 5:2", added)
	require.NoError(t, err)
	assert.Equal(t, []doc.Highlight{{What: doc.HighlightNode, Node: 5}, {What: doc.HighlightLink, Node: 1, Peer: 5}, {What: doc.HighlightLog, Node: 5, Index: 2}}, hs)
	_, err = parseHighlights("node 4", added)
	assert.EqualError(t, err, `"node 4": expected a server number from 1 to 3, or 5 (added by addNode), leader or leaderAtStart, not "4"`)
}

func TestInline(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []doc.Span
	}{
		{"plain", []doc.Span{{Text: "plain", Style: doc.Plain}}},
		{"a **b** *c* `term` d", []doc.Span{{Text: "a ", Style: doc.Plain}, {Text: "b", Style: doc.Bold}, {Text: " ", Style: doc.Plain}, {Text: "c", Style: doc.Italic}, {Text: " ", Style: doc.Plain}, {Text: "term", Style: doc.Term}, {Text: " d", Style: doc.Plain}}},
		{`2 * 3 and \*stars\*`, []doc.Span{{Text: "2 * 3 and *stars*", Style: doc.Plain}}},
		{"`followers` and `entries` and `S3`", []doc.Span{{Text: "followers", Style: doc.Term}, {Text: " and ", Style: doc.Plain}, {Text: "entries", Style: doc.Term}, {Text: " and ", Style: doc.Plain}, {Text: "S3", Style: doc.Term}}},
	} {
		got, err := parseInline(tc.in)
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.want, got, tc.in)
		assert.Equal(t, tc.want, mustInline(t, spansMarkdown(got)), "Markdown round-trips %q", tc.in)
	}
	for _, bad := range []string{"**open", "*open", "`open", "`nope`", "*x `term` x*", ""} {
		_, err := parseInline(bad)
		assert.Error(t, err, bad)
	}
}

func mustInline(t *testing.T, s string) []doc.Span {
	t.Helper()
	spans, err := parseInline(s)
	require.NoError(t, err, s)
	return spans
}

func TestGlossary(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range doc.Glossary {
		assert.False(t, seen[e.Term], "%s twice", e.Term)
		seen[e.Term] = true
		assert.NotEmpty(t, e.Meaning)
		got, ok := doc.Lookup(e.Term)
		assert.True(t, ok)
		assert.Equal(t, e, got)
	}
	for _, label := range []string{"leader", "follower", "candidate", "pre-candidate", "term", "election timeout", "RequestVote",
		"AppendEntries", "heartbeat", "commit index", "nextIndex", "matchIndex", "followers", "entries", "terms",
		"learner", "learners", "leadership transfer", "snapshot", "snapshots", "ReadIndex", "lease"} {
		_, ok := doc.Lookup(label)
		assert.True(t, ok, label)
	}
}

// FuzzParse feeds the parser arbitrary files: it must never panic, and
// every error must be an *Error naming the file.
func FuzzParse(f *testing.F) {
	f.Add(tiny)
	for _, name := range Bundled() {
		data, err := BundledFile(name)
		require.NoError(f, err)
		f.Add(string(data))
	}
	f.Add("---\ntitle: x\n---\n## a\nkind: predict\nchoice: x\nwhen: (leader or not noLeader) and elapsed >= 1.5s\n\ntext\n")
	f.Add("---\ntitle: x\n---\n## a\nkind: do\nsetup:\n```\n{\"nodes\": 2, \"steps\": [{\"do\": \"cut\", \"from\": \"leader\", \"to\": 1}]}\n```\n\n**x** `term`\n")
	f.Add("---\ntitle: x\n---\n## a\nkind: do\nsetup: {\"nodes\": 3}\ngoal: up(4) and learner(4) and staleReads = 0\nhint: h\nshowme: [{\"do\": \"addNode\", \"node\": 4}, {\"do\": \"crash\", \"node\": \"leader\", \"at\": 500}]\nhighlight: node 4\n\ntext\n")
	f.Fuzz(func(t *testing.T, src string) {
		l, err := Parse("fuzz.md", []byte(src))
		if err != nil {
			var le *Error
			if !errors.As(err, &le) || !strings.HasPrefix(err.Error(), "fuzz.md") {
				t.Fatalf("not an *Error naming the file: %v", err)
			}
			return
		}
		if len(l.Engine) == 0 || l.Title == "" {
			t.Fatalf("a lesson without steps or title parsed")
		}
		for _, s := range l.Engine {
			if s.Nodes < 1 || (s.Kind != doc.Watch && s.Kind != doc.Do && s.Kind != doc.Predict) {
				t.Fatalf("step %d: nodes %d, kind %q", s.Index+1, s.Nodes, s.Kind)
			}
			if s.Kind == doc.Predict && (s.Answer < 0 || s.Answer >= len(s.Choices)) {
				t.Fatalf("step %d: answer %d of %d", s.Index+1, s.Answer, len(s.Choices))
			}
		}
	})
}

// TestServersAddedByAddNode: a step's conditions and highlights may name
// the servers an addNode of its setup or show me, or of an earlier step's,
// adds; a fresh setup starts over.
func TestServersAddedByAddNode(t *testing.T) {
	src := lesson(
		"## Three\nkind: watch\nsetup: {\"nodes\": 3, \"seed\": 2, \"steps\": [{\"at\": 0, \"do\": \"campaign\", \"node\": 1}]}\nuntil: leader\n\nx\n",
		"## Add\nkind: do\ngoal: up(4) and learner(4)\nhint: h\nshowme: [{\"do\": \"addNode\", \"node\": 4}]\nhighlight: node 4\n\nx\n",
		"## And another\nkind: watch\nsetup: {\"steps\": [{\"at\": 0, \"do\": \"addNode\", \"node\": 6}]}\nuntil: voter(4) and voter(6) and caughtUp(6) and role(6, follower)\nhighlight: nodes 4 6, log 6\n\nx\n",
		"## Still\nkind: watch\nuntil: elapsed >= 100 and up(4) and up(6)\n\nx\n")
	l, err := Parse("t.md", []byte(src))
	require.NoError(t, err)
	assert.Equal(t, firstServers(3), l.Engine[0].servers)
	assert.Equal(t, firstServers(4), l.Engine[1].servers)
	assert.Equal(t, firstServers(4).with(6), l.Engine[2].servers)
	assert.Equal(t, firstServers(4).with(6), l.Engine[3].servers)
	assert.Equal(t, 3, l.Engine[3].Nodes, "Nodes stays the setup's size")
	require.NoError(t, AutoPlay(l).Err())

	// Not before the step that adds it, nor after a fresh setup.
	_, err = Parse("t.md", []byte(strings.Replace(src, "until: leader\n", "until: leader and not up(4)\n", 1)))
	assert.ErrorContains(t, err, `step 1 "Three": until: "leader and not up(4)": up(...): argument 1 must be a server number from 1 to 3, not "4"`)
	fresh := src + "\n## Fresh\nkind: watch\nsetup: {\"nodes\": 3}\nuntil: up(4)\n\nx\n"
	_, err = Parse("t.md", []byte(fresh))
	assert.ErrorContains(t, err, `step 5 "Fresh": until: "up(4)": up(...): argument 1 must be a server number from 1 to 3, not "4"`)
	// A fresh setup's own addNode counts.
	_, err = Parse("t.md", []byte(strings.Replace(fresh, `{"nodes": 3}`, `{"nodes": 3, "steps": [{"at": 100, "do": "addNode", "node": 4}]}`, 1)))
	assert.NoError(t, err)
}
