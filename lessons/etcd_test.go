package lessons

import (
	"testing"

	_ "github.com/raftlab/raftlab/playground/etcdraft"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
)

// etcdLessonDifferences are the lessons that do not play through on etcd's
// engine, and why: each turns on a difference between the engines (they
// are written for RaftLab's, whose randomness and rules they state). Every
// other lesson must auto-play on etcd's engine as it does on RaftLab's
// (steps that turn on a teaching switch stay on RaftLab's).
var etcdLessonDifferences = map[string]string{
	"02-roles-and-terms":     "election timing: etcd draws its own timeouts, so a different server times out first",
	"04-split-votes":         "election timing: another server wins the race the step asks about",
	"06-log-repair":          "with fastBacktrack off RaftLab's leader steps back one entry per rejection; etcd always uses the follower's hint",
	"10-prevote-checkquorum": "etcd ignores pre-votes while a leader is heard only with CheckQuorum on (RaftLab: with PreVote, as the thesis says)",
	"13-reads":               "etcd does not show its pending reads (readIndex), and drops a read whose leader lost office instead of failing it",
	"14-membership":          "election timing: S1 times out before S4 and leads again",
	"16-joint-consensus":     "a configuration is in force on apply in etcd (on append in RaftLab): at the split, S3 and S4 have not learned that the entry adding S5 committed, so they count 4 voters and cannot win with 2",
	"17-clients":             "election timing: S2 leads instead of S3, so the read is redirected before it is answered",
	"19-final-assessment":    "timing of the stale read the step asks about",
}

// TestLessonsOnEtcd auto-plays every lesson with its steps set to run on
// etcd's engine. Lesson 18 (etcd under the hood) runs on it for the
// learner too (engine: etcd).
func TestLessonsOnEtcd(t *testing.T) {
	var onEtcd []string
	for _, l := range bundledLessons(t) {
		if l.RunsOn == view.EngineEtcd {
			onEtcd = append(onEtcd, l.Name)
		}
		for _, st := range l.Engine {
			if st.Setup == nil || st.Setup.Scenario == nil {
				continue
			}
			s := st.Setup.Scenario.Settings
			s.Engine = view.EngineEtcd
			if s.Validate() == nil {
				st.Setup.Scenario.Settings = s
			}
		}
		err := AutoPlay(l).Err()
		if why, differs := etcdLessonDifferences[l.Name]; differs {
			assert.Error(t, err, "%s plays through on etcd now (it did not: %s): take it off the list", l.Name, why)
		} else {
			assert.NoError(t, err, l.Name)
		}
	}
	assert.Equal(t, []string{"18-etcd-under-the-hood"}, onEtcd, "the lessons that run on etcd's engine")
}
