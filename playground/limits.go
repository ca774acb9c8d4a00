package playground

import (
	"bytes"
	"io"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// Limits on what a scenario may ask of the simulation. They are far above
// what any scenario needs (the bundled ones run for 3 s of virtual time at
// most, with a few dozen steps and logs of a few entries), so that a
// damaged or hostile file is refused up front, with the limit named,
// instead of running for ever, exhausting memory or overflowing a time.
const (
	// MaxScenarioBytes is the largest scenario file read: 4 MiB. The
	// file of a chaos run of MaxChaosDurationMs, which must replay, is
	// about 600 KB.
	MaxScenarioBytes = 4 << 20

	// MaxDurationMs is the longest run simulated: one hour of virtual
	// time. It bounds a scenario's until and every step's time, and
	// raftsim's --until. An idle cluster of nine runs it in under a
	// second; nine servers that heartbeat every millisecond in 40 s.
	MaxDurationMs = 60 * 60 * 1000

	// MaxChaosDurationMs is the longest chaos run (raftsim chaos
	// --duration): ten minutes of virtual time per seed. Chaos keeps up a
	// client call every 20-80 ms through faults, and checking that
	// history costs more than linearly: ten minutes take about 3 s and
	// 200 MB, an hour 70 s and 3 GB.
	MaxChaosDurationMs = 10 * 60 * 1000

	// MaxActions is the most steps a scenario may script: a chaos run of
	// MaxChaosDurationMs takes about 7,000. 20,000 client calls run in
	// about 5 s and 130 MB.
	MaxActions = 20_000

	// MaxLoadRate is the fastest client load a load step keeps up: 1,000
	// calls a second, one a millisecond of virtual time.
	MaxLoadRate = 1000

	// MaxLoadKeys is the most keys a load step spreads its calls over.
	MaxLoadKeys = 1000

	// MaxLoadCalls is the most calls a scenario's load steps may make in
	// all, counted as if each ran to its forMs or to until: an hour at 100
	// calls a second (the load issue 14's targets are set for), and a
	// little more. Each call keeps about 120 bytes of history; the world
	// it drives is bounded by snapshots (see Settings.SnapshotEvery).
	MaxLoadCalls = 400_000

	// MaxInitialLog is the most entries a server's initial log may hold.
	// An entry costs about half a kilobyte in the world and in each of its
	// checkpoints.
	MaxInitialLog = 10_000

	// MaxValueBytes is the longest key or value a client call may carry:
	// 1 KiB. RaftLab's keys and values are words to be read on screen.
	MaxValueBytes = 1 << 10

	// maxTerm is raft's bound on a term (raft.New refuses a durable term
	// above it, and a node never campaigns past it); an initial term above
	// it is refused here, in the file's words.
	maxTerm = raft.MaxTerm
)

// ReadScenarioFile reads a scenario file from r, at most MaxScenarioBytes
// of it: a larger file (or an endless one, such as /dev/zero) is refused
// with the limit named, without reading the rest.
func ReadScenarioFile(r io.Reader) ([]byte, error) {
	var buf bytes.Buffer
	n, err := buf.ReadFrom(io.LimitReader(r, MaxScenarioBytes+1))
	if err != nil {
		return nil, err
	}
	if n > MaxScenarioBytes {
		return nil, tooLarge()
	}
	return buf.Bytes(), nil
}

// tooLarge is the error for a file over MaxScenarioBytes.
func tooLarge() error {
	return &ScenarioError{Step: -1, Msg: i18n.Msg("scenario.limit.file", MaxScenarioBytes>>20)}
}

// checkLimits refuses to write a scenario that ParseScenario would refuse
// for its length (a sandbox session played for more than an hour, say):
// better a refusal at saving than a file that cannot be opened again.
func checkLimits(sc *view.Scenario) error {
	if sc.Until > MaxDurationMs {
		return i18n.Errorf("scenario.limit.save.duration", sc.Until, MaxDurationMs)
	}
	if len(sc.Actions) > MaxActions {
		return i18n.Errorf("scenario.limit.save.actions", len(sc.Actions), MaxActions)
	}
	if err := checkLoadCalls(sc.Actions, sc.Until); err != nil {
		return err
	}
	for i, a := range sc.Actions {
		if a.At > MaxDurationMs {
			return i18n.Errorf("scenario.limit.save.duration", a.At, MaxDurationMs)
		}
		if err := checkSizes(a); err != nil {
			return withStep(err, i)
		}
	}
	return nil
}

// checkSizes refuses a step whose key or value is over MaxValueBytes.
func checkSizes(a view.Action) error {
	for _, f := range []struct{ field, s string }{{"key", a.Key}, {"value", a.Value}, {"from", a.Old}, {"to", a.New}} {
		if len(f.s) > MaxValueBytes {
			return &ScenarioError{Step: -1, Action: a.Do, Field: f.field, Msg: i18n.Msg("scenario.limit.value", len(f.s), MaxValueBytes)}
		}
	}
	return nil
}
