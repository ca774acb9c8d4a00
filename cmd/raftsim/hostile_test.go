package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestCLIHostileFiles: the hostile files of issue 13 (which panicked,
// hung, or ran although wrong) each get exit code 2 and one line naming
// the file, the step where there is one, and the problem.
func TestCLIHostileFiles(t *testing.T) {
	file := func(name, content string) string { return cliWrite(t, name, content) }
	latency := file("latency.json", `{"name": "t", "nodes": 3, "timing": {"latencyMs": [9223372036854775000, 9223372036854775807]},
		"steps": [{"at": 500, "do": "put", "key": "a", "value": "b"}]}`)
	fsync := file("fsync.json", `{"name": "t", "nodes": 3, "timing": {"fsyncMs": 9223372036854775807}}`)
	endOfTime := file("end.json", `{"name": "t", "nodes": 3, "steps": [{"at": 9223372036854775807, "do": "heal"}]}`)
	until := file("until.json", `{"name": "t", "nodes": 3, "until": 1000000000000}`)
	twice := file("twice.json", `{"name": "t", "nodes": 3, "steps": [{"at": 1, "do": "crash", "node": 1, "node": 2}]}`)
	utf8 := file("utf8.json", "{\"name\": \"t\xff\", \"nodes\": 3}")
	empty := file("empty.json", "")
	vote := file("vote.json", `{"name": "t", "nodes": 3, "initial": {"1": {"term": 2, "votedFor": 99}}}`)
	term := file("term.json", `{"name": "t", "nodes": 3, "initial": {"1": {"term": 18446744073709551615}}}`)
	log := file("log.json", `{"name": "t", "nodes": 3, "initial": {"1": {"term": 1, "log": [1`+strings.Repeat(",1", 10_000)+`]}}}`)
	lesson := file("lesson.md", "---\ntitle: Slow disk\nnumber: 3\nsummary: x\nminutes: 5\n---\n\n# Slow disk\n\n## Wait\nkind: watch\n"+
		`setup: {"nodes": 3, "timing": {"fsyncMs": 9223372036854775807}}`+"\nuntil: leader\n\nWatch.\n")
	const hour = "must be at most 3600000 ms (one hour, the longest run RaftLab simulates)"
	checkBadInput(t, []cliBadCase{
		{"latency past int64", []string{"run", latency}, []string{latency + `: field "timing.latencyMs": latencyMs must be at most 60000 ms`}, true},
		{"fsync past int64", []string{"run", fsync}, []string{fsync + `: field "timing.fsyncMs": fsyncMs must be at most 60000 ms`}, true},
		{"a step at the end of time", []string{"run", endOfTime}, []string{endOfTime + `: steps[0] (heal): field "at": ` + hour}, true},
		{"until a million seconds", []string{"run", until}, []string{until + `: field "until": ` + hour}, true},
		{"a field twice", []string{"run", twice}, []string{twice + `: steps[0]: field "node": given twice`}, true},
		{"invalid UTF-8", []string{"run", utf8}, []string{utf8 + ": invalid UTF-8 at byte 11"}, true},
		{"an empty file", []string{"run", empty}, []string{empty + ": the file is empty"}, true},
		{"votedFor no server", []string{"run", vote}, []string{vote + `: field "initial.1": votedFor 99 is not a server of this cluster`}, true},
		{"a term past raft's bound", []string{"run", term}, []string{term + `: field "initial.1": term 18446744073709551615 is above the largest term Raft allows`}, true},
		{"a long initial log", []string{"run", log}, []string{log + `: field "initial.1": the log has 10001 entries; the limit is 10000`}, true},
		{"an endless file", []string{"run", "/dev/zero"}, []string{"/dev/zero: the file is larger than 4 MiB, the largest scenario file RaftLab reads"}, true},
		{"until past the limit", []string{"run", cliScenarios + "log-replication.json", "--until", "9223372036854775807"},
			[]string{"--until " + hour + ", not 9223372036854775807"}, true},
		{"a lesson's setup with fsync past int64", []string{"lesson", "check", lesson},
			[]string{lesson + `:12: step 1 "Wait": setup: field "timing.fsyncMs": fsyncMs must be at most 60000 ms`}, true},
		{"an endless lesson", []string{"lesson", "check", "/dev/zero"}, []string{"/dev/zero: the file is larger than 1 MiB, the largest lesson file RaftLab reads"}, true},
		{"an endless result", []string{"lesson", "verify-result", "/dev/zero"}, []string{"/dev/zero: the file is larger than 1 MiB: it is not a RaftLab result"}, true},
	})
	r := cliRun(t, "chaos", "--duration", "9223372036854775807")
	assert.Equal(t, 2, r.code)
	assert.Empty(t, r.stdout, "no seed ran")
	assert.True(t, strings.HasPrefix(r.stderr, "raftsim chaos: --duration must be at most 600000 ms (ten minutes of faults and client load per seed), not 9223372036854775807\n"), r.stderr)
}

// TestCLIInternalError: a panic is caught and reported as an internal
// error, with exit code 3, never 2 (bad input) as Go's own panic exit
// would be. (Writing the summary panics here.)
func TestCLIInternalError(t *testing.T) {
	var errOut bytes.Buffer
	code := run([]string{"run", cliScenarios + "log-replication.json"}, panicWriter{}, &errOut)
	assert.Equal(t, 3, code)
	first, stack, _ := strings.Cut(errOut.String(), "\n")
	assert.Equal(t, "raftsim: internal error (a bug in RaftLab, not in your input; please report it with the lines below): the writer broke", first)
	assert.Contains(t, stack, "panicWriter", "the stack follows, for the bug report")
}

// panicWriter panics when written to.
type panicWriter struct{}

func (panicWriter) Write([]byte) (int, error) { panic("the writer broke") }
