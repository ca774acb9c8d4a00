package etcdraft_test

import (
	"encoding/json"
	"strings"
	"sync"
	"testing"

	"github.com/raftlab/raftlab/playground"
	_ "github.com/raftlab/raftlab/playground/etcdraft"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// onEtcd loads a bundled scenario set to run on etcd's engine.
func onEtcd(t *testing.T, name string) *view.Scenario {
	t.Helper()
	sc, err := playground.LoadBundled(name)
	require.NoError(t, err)
	sc.Settings.Engine = view.EngineEtcd
	return sc
}

// runTo plays sc to t and returns the world's full result as JSON.
func runTo(t *testing.T, sc *view.Scenario, until int64) []byte {
	t.Helper()
	w, err := playground.NewWorld(sc)
	require.NoError(t, err)
	s := playground.NewSession(w, sc.Actions)
	s.RunUntil(until)
	return resultJSON(t, s.World(), sc.Name)
}

func resultJSON(t *testing.T, w *playground.World, name string) []byte {
	t.Helper()
	b, err := json.Marshal(w.Result(name))
	require.NoError(t, err)
	return b
}

// TestSameRunSameBytes: etcd draws its election timeouts from crypto/rand;
// the engine feeds it each server's seeded stream, so a scenario run twice
// gives the same bytes, even while other worlds run on other goroutines.
func TestSameRunSameBytes(t *testing.T) {
	for _, name := range []string{"leader-crash", "minority-partition", "snapshot-install"} {
		sc := onEtcd(t, name)
		first := runTo(t, sc, sc.Until)
		var wg sync.WaitGroup
		again := make([][]byte, 3)
		for i := range again {
			wg.Go(func() { again[i] = runTo(t, onEtcd(t, name), sc.Until) })
		}
		wg.Wait()
		for _, b := range again {
			require.Equal(t, string(first), string(b), name)
		}
		other := onEtcd(t, name)
		other.Settings.Seed++
		require.NotEqual(t, string(first), string(runTo(t, other, sc.Until)), "%s: another seed, another run", name)
	}
}

// TestCloneRunsApart: a world's clone and the world itself go on
// separately and alike, as a run that was never cloned. (A clone whose
// servers shared state with the original's, such as etcd's tick closure
// bound to the original raft, would advance both.)
func TestCloneRunsApart(t *testing.T) {
	sc := onEtcd(t, "leader-crash")
	straight := runTo(t, sc, 2500)

	w, err := playground.NewWorld(sc)
	require.NoError(t, err)
	s := playground.NewSession(w, sc.Actions)
	s.RunUntil(1200)
	var rest []view.Action // what the session has not yet done
	for _, a := range sc.Actions {
		if a.At > 1200 {
			rest = append(rest, a)
		}
	}
	c := playground.NewSession(s.World().Clone(), rest)
	c.RunUntil(2500)
	require.Equal(t, string(straight), string(resultJSON(t, c.World(), sc.Name)), "the clone")
	s.RunUntil(2500)
	require.Equal(t, string(straight), string(resultJSON(t, s.World(), sc.Name)), "the original, after its clone ran")
}

// TestSeekBack: time travel restores a checkpoint (a clone) and replays;
// the replayed present is the one left.
func TestSeekBack(t *testing.T) {
	sc := onEtcd(t, "minority-partition")
	w, err := playground.NewWorld(sc)
	require.NoError(t, err)
	s := playground.NewSession(w, sc.Actions)
	s.RunUntil(sc.Until)
	end := resultJSON(t, s.World(), sc.Name)
	s.SeekTo(sc.Until / 3)
	require.Equal(t, sc.Until/3, s.World().Now())
	s.RunUntil(sc.Until)
	require.Equal(t, string(end), string(resultJSON(t, s.World(), sc.Name)))
}

// TestFeedNamesEtcdMessages: on etcd's engine the feed names messages as
// etcd does (MsgApp, MsgHeartbeat, ...), and gives a heartbeat no log
// position, since etcd's checks none; RaftLab's keeps its own names.
func TestFeedNamesEtcdMessages(t *testing.T) {
	feed := func(e view.Engine) string {
		sc, err := playground.LoadBundled("log-replication")
		require.NoError(t, err)
		sc.Settings.Engine = e
		w, err := playground.NewWorld(sc)
		require.NoError(t, err)
		s := playground.NewSession(w, sc.Actions)
		s.RunUntil(sc.Until)
		var b strings.Builder
		for _, ev := range s.World().Trace() {
			b.WriteString(ev.Text() + "\n")
		}
		return b.String()
	}
	etcd := feed(view.EngineEtcd)
	assert.Regexp(t, `S1 sent MsgApp S1→S\d \(term 1, entry \d+, prev \d+/\d+, commit \d+\)`, etcd)
	assert.Regexp(t, `S1 sent MsgHeartbeat S1→S\d \(term 1, commit \d+\)\n`, etcd)
	assert.Regexp(t, `S\d sent MsgHeartbeatResp S\d→S1 \(term 1\)\n`, etcd)
	assert.NotContains(t, etcd, "AppendEntries")
	own := feed(view.EngineRaftLab)
	assert.Contains(t, own, "sent AppendEntries")
	assert.NotContains(t, own, "MsgApp")
}
