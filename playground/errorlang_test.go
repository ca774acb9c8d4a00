package playground

import (
	"regexp"
	"strconv"
	"testing"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// han finds a Chinese character.
var han = regexp.MustCompile(`\p{Han}`)

// assertSaidInChinese checks that a translatable text keeps its English
// and has a Chinese text with every key in the catalogue.
func assertSaidInChinese(t *testing.T, en string, tr i18n.Translatable, zh string) {
	t.Helper()
	assert.Equal(t, en, tr.In(i18n.English), "English is unchanged")
	got := tr.In(i18n.Chinese)
	assert.Equal(t, zh, got)
	assert.Regexp(t, han, got, "said in Chinese")
	assert.NotRegexp(t, `\[(scenario|raftsim|feed)\.`, tr.In(i18n.Pseudo), "every key is in the catalogue")
}

// TestRefusalsInChinese: the errors the world's actions refuse with are
// translatable, and their English is what it was.
func TestRefusalsInChinese(t *testing.T) {
	s := labSession(t, 3, 1, nil)
	w := s.World()
	leader := labWaitLeader(t, s, 2000)
	require.NoError(t, w.Crash(3))
	if leader == 3 {
		leader = labWaitLeader(t, s, 2000)
	}
	bigDrop := 2.0
	for _, tc := range []struct {
		name   string
		err    error
		en, zh string
	}{
		{"no node", w.Crash(9), "there is no node 9", "没有节点 9"},
		{"down", w.Crash(3), "S3 is down", "S3 已宕机"},
		{"already up", w.Restart(leader), S(leader) + " is already up", S(leader) + " 已在运行"},
		{"already leads", w.Campaign(leader), S(leader) + " already leads", S(leader) + " 已经是领导者"},
		{"transfer to the leader", w.TransferLeader(leader), S(leader) + " already leads", S(leader) + " 已经是领导者"},
		{"same node", w.Cut(1, 1), "a link joins two different nodes", "一条链路必须连接两个不同的节点"},
		{"two groups", w.Partition([][]raft.ID{{1, 2}, {2, 3}}), "S2 is in two groups", "S2 同时在两个组中"},
		{"drop rate", w.SetNetwork(view.NetworkChange{DropRate: &bigDrop}), "dropRate must be in 0..1, not 2", "dropRate 必须在 0..1 之间（现为 2）"},
		{"fsync", w.SetDisk(1, -1), "fsyncMs must not be negative, not -1", "fsyncMs 不能为负数（现为 -1）"},
		{"not in flight", w.DropMessage(1 << 40), "message 1099511627776 is not in flight", "消息 1099511627776 不在途中"},
		{"id range", w.AddNode(12), "node IDs are 1..9, not 12", "节点 ID 的范围是 1..9（现为 12）"},
		{"exists", w.AddNode(2), "S2 already exists", "S2 已经存在"},
		{"unknown action", w.Do(view.Action{Do: "explode"}), `unknown action "explode"`, `未知的动作 "explode"`},
		{"lease off", w.Do(view.Action{Do: "get", Key: "x", Mode: "lease"}),
			`lease reads are off: set features.readMode to "lease" (a restarted node then waits an election timeout before it votes)`,
			`租约读未开启：请把 features.readMode 设为 "lease"（这样重启的节点会先等待一个选举超时再投票）`},
		{"transfer to a non-voter", func() error {
			require.NoError(t, w.AddNode(4))
			return w.TransferLeader(4)
		}(), S(leader) + " cannot transfer leadership to S4: raft: transfer to 4: raft: node is not a member",
			S(leader) + " 无法把领导权转移给 S4：该节点不是集群成员"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Error(t, tc.err)
			assert.Equal(t, tc.en, tc.err.Error())
			tr, ok := tc.err.(i18n.Translatable)
			require.True(t, ok, "%T is not translatable", tc.err)
			assertSaidInChinese(t, tc.en, tr, tc.zh)
		})
	}

	// With no leader there is nobody to transfer from.
	s2 := labSession(t, 3, 1, nil)
	err := s2.World().TransferLeader(2)
	require.Error(t, err)
	assert.Equal(t, "there is no leader to transfer leadership from", err.Error())
	assert.Equal(t, "没有领导者，无法转移领导权", i18n.ErrorIn(err, i18n.Chinese))
}

// TestReusedIDInChinese: refusing a removed server's ID is still
// ErrIDReused, and says so in either language.
func TestReusedIDInChinese(t *testing.T) {
	s := labSession(t, 3, 1, nil)
	w := s.World()
	labWaitLeader(t, s, 2000)
	require.NoError(t, w.RemoveNode(3))
	s.RunUntil(s.Now() + 2000)
	require.Nil(t, w.Node(3), "S3 was removed")
	err := w.AddNode(3)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrIDReused)
	assert.Equal(t, "S3: a removed server's ID is never reused; add another ID", err.Error())
	assert.Equal(t, "S3：已移除服务器的 ID 不会被重新使用；请换一个 ID", i18n.ErrorIn(err, i18n.Chinese))
}

func TestSettingsErrorsInChinese(t *testing.T) {
	for _, tc := range []struct {
		tweak  func(*view.Settings)
		en, zh string
	}{
		{func(s *view.Settings) { s.Nodes = 10 }, "nodes must be 1..9, not 10", "nodes 必须在 1..9 之间（现为 10）"},
		{func(s *view.Settings) { s.HeartbeatMs = 0 }, "heartbeatMs must be at least 1, not 0", "heartbeatMs 至少为 1（现为 0）"},
		{func(s *view.Settings) { s.ElectionTimeoutMs = [2]int64{40, 300} }, "electionTimeoutMs must be [min,max] with heartbeatMs < min <= max, not [40 300]",
			"electionTimeoutMs 必须是 [min,max]，且 heartbeatMs < min <= max（现为 [40 300]）"},
		{func(s *view.Settings) { s.ElectionTimerStartPct = 100 }, "electionTimerStartPct must be 0..99 (percent of the shortest election timeout), not 100",
			"electionTimerStartPct 必须在 0..99 之间（最短选举超时的百分比，现为 100）"},
		{func(s *view.Settings) { s.LatencyMs = [2]int64{5, 1} }, "latencyMs must be [min,max] with 0 <= min <= max, not [5 1]", "latencyMs 必须是 [min,max]，且 0 <= min <= max（现为 [5 1]）"},
		{func(s *view.Settings) { s.FsyncMs = -2 }, "fsyncMs must not be negative, not -2", "fsyncMs 不能为负数（现为 -2）"},
		{func(s *view.Settings) { s.DropRate = 1.5 }, "dropRate must be in 0..1, not 1.5", "dropRate 必须在 0..1 之间（现为 1.5）"},
		{func(s *view.Settings) { s.DuplicateRate = -1 }, "duplicateRate must be in 0..1, not -1", "duplicateRate 必须在 0..1 之间（现为 -1）"},
		{func(s *view.Settings) { s.ReadMode, s.CheckQuorum = view.LeaseRead, false },
			"readMode lease needs checkQuorum: a lease is only safe when followers ignore vote requests while they hear from a leader",
			"readMode 为 lease 时需要开启 checkQuorum：只有跟随者在能收到领导者消息时忽略投票请求，租约才是安全的"},
	} {
		s := view.DefaultSettings()
		tc.tweak(&s)
		err := s.Validate()
		require.Error(t, err, tc.en)
		assert.Equal(t, tc.en, err.Error())
		assertSaidInChinese(t, tc.en, err.(i18n.Translatable), tc.zh)
	}
}

func TestBundledErrorsInChinese(t *testing.T) {
	_, err := LoadBundled("a/b")
	require.Error(t, err)
	assertSaidInChinese(t, `no bundled scenario named "a/b"`, err.(i18n.Translatable), `没有名为 "a/b" 的内置场景`)
	_, err = LoadBundled("nope")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `no bundled scenario named "nope" (have: `)
	assert.Contains(t, i18n.ErrorIn(err, i18n.Chinese), `没有名为 "nope" 的内置场景（现有：`)
}

// TestExpectationsInChinese: an expect step's outcome, and its line in the
// feed, read in Chinese; the English is what it was.
func TestExpectationsInChinese(t *testing.T) {
	s := labSession(t, 3, 1, nil)
	w := s.World()
	leader := labWaitLeader(t, s, 2000)
	labPut(t, s, raft.None, "x", "1")
	s.RunUntil(s.Now() + 500)
	role, term, up, violations := "leader", uint64(99), false, 0
	x := w.Check(view.Expect{Node: view.ID(leader), Role: &role, Term: &term, Up: &up, KV: map[string]string{"x": "2", "y": "1"}})
	assert.False(t, x.OK)
	n := S(leader)
	en := "failed: " + n + " up=false (is true); " + n + " term 99 (is " + strconv.FormatUint(w.Node(leader).Raft.Term(), 10) + `); ` +
		n + ` has x="2" (has "1"); ` + n + ` has y="1" (has no such key)`
	assert.Equal(t, en, x.Message)
	assertSaidInChinese(t, en, x.Text, "未通过："+n+" up=false（实际为 true）；"+n+" 的任期为 99（实际为 "+strconv.FormatUint(w.Node(leader).Raft.Term(), 10)+"）；"+
		n+` 上 x="2"（实际为 "1"）；`+n+` 上 y="1"（实际没有这个键）`)

	x = w.Check(view.Expect{Node: view.ID(leader), Role: &role, Leader: view.ID(leader), Violations: &violations})
	assert.True(t, x.OK)
	assertSaidInChinese(t, "ok: "+n+" is leader (is leader); "+n+" leads (leader: "+n+"); 0 safety violations (found 0)", x.Text,
		"通过："+n+" 是领导者（实际是领导者）；"+n+" 是领导者（领导者："+n+"）；0 个安全性违规（发现 0 个）")

	require.NoError(t, w.Crash(leader))
	x = w.Check(view.Expect{Node: view.ID(leader), Role: &role})
	assertSaidInChinese(t, "failed: "+n+" is up (it is down)", x.Text, "未通过："+n+" 在运行（实际已宕机）")
	x = w.Check(view.Expect{NoLeader: true})
	assertSaidInChinese(t, "ok: no node leads (leader: none)", x.Text, "通过：没有领导者（领导者：无）")

	// The feed's line.
	trace := w.Trace()
	ev := trace[len(trace)-1]
	require.Equal(t, view.EvExpect, ev.Type)
	assert.Equal(t, "expectation ok: no node leads (leader: none)", ev.Text())
	assert.Equal(t, "期望检查通过：没有领导者（领导者：无）", ev.TextIn(i18n.Chinese))
}

// TestFailedStepInChinese: a step that cannot be carried out tells the
// feed why, in the reader's language.
func TestFailedStepInChinese(t *testing.T) {
	s := labSession(t, 3, 1, nil)
	s.apply(4, view.Action{Do: "crash", Node: 9})
	trace := s.World().Trace()
	ev := trace[len(trace)-1]
	assert.Equal(t, "step 4 (crash) could not be carried out: there is no node 9", ev.Text())
	assert.Equal(t, "第 4 步（crash）无法执行：没有节点 9", ev.TextIn(i18n.Chinese))
}
