package playground

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hostileFiles are the scenario files of issue 13 that panicked, hung,
// took gigabytes or were accepted silently, each with the one line it is
// now refused with (English).
var hostileFiles = []struct {
	name, file, want string
}{
	{"latency past int64", scFile(`"timing": {"latencyMs": [9223372036854775000, 9223372036854775807]}`, `{"at": 500, "do": "put", "key": "a", "value": "b"}`),
		`field "timing.latencyMs": latencyMs must be at most 60000 ms (one minute, the longest delay RaftLab simulates), not 9223372036854775807`},
	{"fsync past int64", scFile(`"timing": {"fsyncMs": 9223372036854775807}`, `{"at": 500, "do": "put", "key": "a", "value": "b"}`),
		`field "timing.fsyncMs": fsyncMs must be at most 60000 ms (one minute, the longest delay RaftLab simulates), not 9223372036854775807`},
	{"heartbeat and election timeout past the limit", scFile(`"timing": {"heartbeatMs": 70000, "electionTimeoutMs": [80000, 90000]}`, ""),
		`field "timing.electionTimeoutMs": electionTimeoutMs must be at most 60000 ms (one minute, the longest delay RaftLab simulates), not 90000`},
	{"a disk step's fsync past int64, then a put", scFile("", `{"at": 300, "do": "disk", "node": 1, "fsyncMs": 9223372036854775807}, {"at": 500, "do": "put", "key": "a", "value": "b"}`),
		`steps[0] (disk): field "fsyncMs": fsyncMs must be at most 60000 ms (one minute, the longest delay RaftLab simulates), not 9223372036854775807`},
	{"a network step's latency past int64, then a put", scFile("", `{"at": 300, "do": "network", "latencyMs": [9223372036854775000, 9223372036854775807]}, {"at": 500, "do": "put", "key": "a", "value": "b"}`),
		`steps[0] (network): field "latencyMs": latencyMs must be at most 60000 ms (one minute, the longest delay RaftLab simulates), not 9223372036854775807`},
	{"crash 7 in a cluster of 3", scFile("", `{"at": 1, "do": "crash", "node": 7}`),
		`steps[0] (crash): field "node": there is no node 7 at this step: the nodes are 1, 2, 3`},
	{"a partition naming server 8", scFile("", `{"at": 1, "do": "partition", "groups": [[1, 2], [3, 8]]}`),
		`steps[0] (partition): field "groups[1]": there is no node 8 at this step: the nodes are 1, 2, 3`},
	{"an expectation on leader 8", scFile("", `{"at": 1, "do": "expect", "leader": 8}`),
		`steps[0] (expect): field "leader": there is no node 8 at this step: the nodes are 1, 2, 3`},
	{"a lease read while the read mode is ReadIndex", scFile("", `{"at": 1, "do": "get", "key": "a", "mode": "lease"}`),
		`steps[0] (get): field "mode": lease reads are off: set features.readMode to "lease" (a restarted node then waits an election timeout before it votes)`},
	{"a step at the end of time", scFile("", `{"at": 9223372036854775807, "do": "heal"}`),
		`steps[0] (heal): field "at": must be at most 3600000 ms (one hour, the longest run RaftLab simulates), not 9223372036854775807`},
	{"until a million seconds", scFile(`"until": 1000000000000`, ""),
		`field "until": must be at most 3600000 ms (one hour, the longest run RaftLab simulates), not 1000000000000`},
	{"too many steps", scFile("", strings.Repeat(`{"at": 1, "do": "heal"},`, MaxActions)+`{"at": 1, "do": "heal"}`),
		`field "steps": has 20001 steps; the limit is 20000`},
	{"a long initial log", scFile(`"initial": {"2": {"term": 1, "log": [1`+strings.Repeat(",1", MaxInitialLog)+`]}}`, ""),
		`field "initial.2": the log has 10001 entries; the limit is 10000`},
	{"a long value", scFile("", `{"at": 1, "do": "put", "key": "a", "value": "`+strings.Repeat("v", MaxValueBytes+1)+`"}`),
		`steps[0] (put): field "value": is 1025 bytes long; the limit is 1024 bytes`},
	{"a long key", scFile("", `{"at": 1, "do": "get", "key": "`+strings.Repeat("k", MaxValueBytes+1)+`"}`),
		`steps[0] (get): field "key": is 1025 bytes long; the limit is 1024 bytes`},
	{"a file past the limit", `{"name": "t", "nodes": 3, "description": "` + strings.Repeat("x", MaxScenarioBytes) + `"}`,
		`the file is larger than 4 MiB, the largest scenario file RaftLab reads`},
	{"votedFor no server", scFile(`"initial": {"1": {"term": 2, "votedFor": 99}}`, ""),
		`field "initial.1": votedFor 99 is not a server of this cluster (1..3, or 0 for no vote)`},
	{"votedFor just past the cluster", scFile(`"initial": {"1": {"term": 2, "votedFor": 4}}`, ""),
		`field "initial.1": votedFor 4 is not a server of this cluster (1..3, or 0 for no vote)`},
	{"a term past raft's bound", scFile(`"initial": {"1": {"term": 18446744073709551615}}`, ""),
		`field "initial.1": term 18446744073709551615 is above the largest term Raft allows, 9223372036854775807`},
	{"a term just past raft's bound", scFile(`"initial": {"1": {"term": 9223372036854775808}}`, ""),
		`field "initial.1": term 9223372036854775808 is above the largest term Raft allows, 9223372036854775807`},
	{"a field twice", `{"name": "t", "nodes": 3, "nodes": 5}`, `field "nodes": given twice: give each field once`},
	{"a field twice in a setting", scFile(`"timing": {"fsyncMs": 1, "fsyncMs": 2}`, ""), `field "timing.fsyncMs": given twice: give each field once`},
	{"a field twice in a step", scFile("", `{"at": 1, "do": "heal"}, {"at": 2, "do": "crash", "node": 1, "node": 2}`),
		`steps[1]: field "node": given twice: give each field once`},
	{"a field twice in an initial state", scFile(`"initial": {"1": {"term": 1}, "1": {"term": 2}}`, ""), `field "initial.1": given twice: give each field once`},
	{"a field twice in an expectation", scFile("", `{"at": 1, "do": "expect", "nodes": {"1": {"up": true, "up": false}}}`),
		`steps[0]: field "nodes.1.up": given twice: give each field once`},
	{"invalid UTF-8", "{\"name\": \"t\xff\", \"nodes\": 3}", `invalid UTF-8 at byte 11: save the file as UTF-8`},
	{"an empty file", "", `the file is empty: a scenario is a JSON object with at least name and nodes`},
	{"a file of blanks", " \n\t\n", `the file is empty: a scenario is a JSON object with at least name and nodes`},
}

// TestHostileFilesRefused: every hostile file is refused with its line,
// without a panic, as raftsim and the app open a file: parsed, then its
// world made (which checks the script against the cluster).
func TestHostileFilesRefused(t *testing.T) {
	for _, c := range hostileFiles {
		t.Run(c.name, func(t *testing.T) {
			sc, err := ParseScenario([]byte(c.file))
			if err == nil {
				_, err = NewWorld(sc)
			}
			require.Error(t, err, "accepted: %+v", sc)
			assert.Equal(t, c.want, err.Error())
		})
	}
}

// TestLimitsAreReachable: what is just within each limit is accepted, so
// the limits refuse only what is past them.
func TestLimitsAreReachable(t *testing.T) {
	for _, file := range []string{
		scFile(`"timing": {"latencyMs": [60000, 60000], "fsyncMs": 60000, "heartbeatMs": 59999, "electionTimeoutMs": [60000, 60000]}`, ""),
		scFile(`"until": 3600000`, `{"at": 3600000, "do": "heal"}`),
		scFile(`"initial": {"1": {"term": 9223372036854775807, "votedFor": 3, "log": [1`+strings.Repeat(",1", MaxInitialLog-1)+`]}}`, ""),
		scFile("", `{"at": 1, "do": "put", "key": "`+strings.Repeat("k", MaxValueBytes)+`", "value": "`+strings.Repeat("v", MaxValueBytes)+`"}`),
		scFile(`"initial": {"1": {"term": 2, "votedFor": 0}}`, ""),
	} {
		_, err := ParseScenario([]byte(file))
		assert.NoError(t, err, "%.200s", file)
	}
	heartbeat := scFile(`"timing": {"heartbeatMs": 60000, "electionTimeoutMs": [60000, 60000]}`, "")
	_, err := ParseScenario([]byte(heartbeat))
	assert.ErrorContains(t, err, "electionTimeoutMs must be [min,max] with heartbeatMs < min", "within the limit, the other rules still hold")
}

// TestHostileSettingsRefusedByNew: settings that would wrap a time past
// int64 (a lesson's setup, the settings dialog, chaos) are refused by New
// itself, not only by the scenario parser.
func TestHostileSettingsRefusedByNew(t *testing.T) {
	s := view.DefaultSettings()
	s.FsyncMs = 1<<63 - 1
	_, err := New(s)
	assert.EqualError(t, err, "fsyncMs must be at most 60000 ms (one minute, the longest delay RaftLab simulates), not 9223372036854775807")
	s = view.DefaultSettings()
	s.LatencyMs = [2]int64{10, 1<<63 - 1}
	_, err = New(s)
	assert.ErrorContains(t, err, "latencyMs must be at most 60000 ms")
}

// TestReadScenarioFileStopsAtTheLimit: an endless file (/dev/zero) is read
// only to one byte past the limit, then refused.
func TestReadScenarioFileStopsAtTheLimit(t *testing.T) {
	endless := &countingReader{}
	_, err := ReadScenarioFile(endless)
	assert.EqualError(t, err, "the file is larger than 4 MiB, the largest scenario file RaftLab reads")
	assert.LessOrEqual(t, endless.n, int64(MaxScenarioBytes+64<<10), "read about the limit, no more")

	data, err := ReadScenarioFile(strings.NewReader(scMinimal))
	require.NoError(t, err)
	assert.Equal(t, scMinimal, string(data))
	exact := bytes.Repeat([]byte(" "), MaxScenarioBytes)
	data, err = ReadScenarioFile(bytes.NewReader(exact))
	require.NoError(t, err, "a file of exactly the limit is read")
	assert.Len(t, data, MaxScenarioBytes)
}

// countingReader is an endless stream of zero bytes that counts what was
// read of it.
type countingReader struct{ n int64 }

func (r *countingReader) Read(p []byte) (int, error) {
	clear(p)
	r.n += int64(len(p))
	return len(p), nil
}

var _ io.Reader = (*countingReader)(nil)

// TestQueueNeverIndexesNegative: events due before time zero (a time that
// wrapped, were one ever to get past the limits) go through the queue in
// order, without a negative index into the calendar.
func TestQueueNeverIndexesNegative(t *testing.T) {
	var q eventQueue
	now := int64(-300)
	for i, at := range []int64{-290, -3, -1, -299, -200, -1 << 63, 1<<63 - 1} {
		q.push(event{at: at, seq: uint64(i + 1)}, now)
	}
	var got []int64
	for {
		e, from := q.next()
		if e == nil {
			break
		}
		got = append(got, q.take(from).at)
	}
	assert.Equal(t, []int64{-1 << 63, -299, -290, -200, -3, -1, 1<<63 - 1}, got)
}

// TestDuplicateFieldPaths: the path of a field given twice, for the
// shapes a scenario file has.
func TestDuplicateFieldPaths(t *testing.T) {
	for file, want := range map[string]string{
		`{"steps": [{"at": 1, "do": "partition", "groups": [[1], [2, 3]], "groups": []}]}`: `steps[0]: field "groups"`,
		`{"a": [[{"b": 1}], [{"b": 1, "b": 2}]]}`:                                          `field "a[1][0].b"`,
		`[{"x": 1}, {"x": 1, "x": 1}]`:                                                     `field "[1].x"`,
		`{"a": {"b": {}, "c": {"d": 1}}, "a": 1}`:                                          `field "a"`,
	} {
		err := duplicateField([]byte(file))
		require.Error(t, err, file)
		assert.Equal(t, fmt.Sprintf("%s: given twice: give each field once", want), err.Error(), file)
	}
	for _, file := range []string{`{"a": {"b": 1}, "b": {"a": 1}}`, `{"a": [{"b": 1}, {"b": 1}]}`, `{"a": `, `[1, 2, {}]`} {
		assert.NoError(t, duplicateField([]byte(file)), file)
	}
}

// TestMarshalRefusesWhatCannotBeOpened: a run longer than a scenario file
// may hold (a sandbox session played for more than an hour) is refused at
// saving, not written as a file that would be refused when opened.
func TestMarshalRefusesWhatCannotBeOpened(t *testing.T) {
	sc, err := ParseScenario([]byte(scFile("", `{"at": 5, "do": "put", "key": "a", "value": "b"}`)))
	require.NoError(t, err)
	_, err = MarshalScenario(sc)
	require.NoError(t, err)

	long := *sc
	long.Until = MaxDurationMs + 1
	_, err = MarshalScenario(&long)
	assert.EqualError(t, err, "the run goes to 3600001 ms, past the longest a scenario file may hold (3600000 ms, one hour)")

	late := *sc
	late.Actions = []view.Action{{At: MaxDurationMs + 5, Do: "heal"}}
	_, err = MarshalScenario(&late)
	assert.EqualError(t, err, "the run goes to 3600005 ms, past the longest a scenario file may hold (3600000 ms, one hour)")

	many := *sc
	many.Actions = make([]view.Action, MaxActions+1)
	_, err = MarshalScenario(&many)
	assert.EqualError(t, err, "the run has 20001 steps, more than a scenario file may hold (20000)")

	value := *sc
	value.Actions = []view.Action{{At: 5, Do: "put", Key: "a", Value: strings.Repeat("v", MaxValueBytes+1)}}
	_, err = MarshalScenario(&value)
	assert.EqualError(t, err, `steps[0] (put): field "value": is 1025 bytes long; the limit is 1024 bytes`)

	big := *sc
	big.Description = strings.Repeat("x", MaxScenarioBytes)
	_, err = MarshalScenario(&big)
	assert.EqualError(t, err, "the file would be larger than 4 MiB, the largest scenario file RaftLab reads")
}
