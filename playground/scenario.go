package playground

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// ScenarioError is a problem with a scenario file, located by the step
// index (-1 when not in a step) and the field.
type ScenarioError struct {
	Step   int
	Action string
	Field  string
	// Msg says what is wrong, in any language.
	Msg i18n.Message
}

func (e *ScenarioError) Error() string { return e.In(i18n.English) }

// In writes the error in lang: where in the file, then what is wrong.
func (e *ScenarioError) In(lang i18n.Lang) string {
	msg := e.Msg.In(lang)
	switch {
	case e.Step >= 0 && e.Action != "" && e.Field != "":
		return lang.T("scenario.where.step-action-field", e.Step, e.Action, e.Field, msg)
	case e.Step >= 0 && e.Action != "":
		return lang.T("scenario.where.step-action", e.Step, e.Action, msg)
	case e.Step >= 0 && e.Field != "":
		return lang.T("scenario.where.step-field", e.Step, e.Field, msg)
	case e.Step >= 0:
		return lang.T("scenario.where.step", e.Step, msg)
	case e.Field != "":
		return lang.T("scenario.where.field", e.Field, msg)
	}
	return msg
}

type scenarioFile struct {
	Name        *string                 `json:"name"`
	Description string                  `json:"description"`
	Seed        *int64                  `json:"seed"`
	Engine      *string                 `json:"engine"`
	Nodes       *int                    `json:"nodes"`
	Until       *int64                  `json:"until"`
	Timing      *timingJSON             `json:"timing"`
	Features    *featuresJSON           `json:"features"`
	Rules       *rulesFile              `json:"rules"`
	Network     *networkJSON            `json:"network"`
	Initial     map[string]view.Initial `json:"initial"`
	Steps       []json.RawMessage       `json:"steps"`
	Challenge   *challengeFile          `json:"challenge"`
}

type timingJSON struct {
	ElectionTimeoutMs *[2]int64 `json:"electionTimeoutMs"`
	HeartbeatMs       *int64    `json:"heartbeatMs"`
	LatencyMs         *[2]int64 `json:"latencyMs"`
	FsyncMs           *int64    `json:"fsyncMs"`
	// (Written only when set: files saved before it existed stay the
	// same.)
	ElectionTimerStartPct *int `json:"electionTimerStartPct,omitempty"`
}

type featuresJSON struct {
	PreVote        *bool   `json:"preVote"`
	CheckQuorum    *bool   `json:"checkQuorum"`
	LeaderNoop     *bool   `json:"leaderNoop"`
	FastBacktrack  *bool   `json:"fastBacktrack"`
	SnapshotEvery  *uint64 `json:"snapshotEvery"`
	ReadMode       *string `json:"readMode"`
	ClientSessions *bool   `json:"clientSessions"`
}

type rulesFile struct {
	CommitOldTermsByCounting bool `json:"commitOldTermsByCounting"`
	SkipElectionRestriction  bool `json:"skipElectionRestriction"`
	FixedElectionTimeout     bool `json:"fixedElectionTimeout"`
	AckBeforeFsync           bool `json:"ackBeforeFsync"`
}

type networkJSON struct {
	DropRate      *float64 `json:"dropRate"`
	DuplicateRate *float64 `json:"duplicateRate"`
}

// ParseScenario decodes and validates a scenario file. Every error names
// the step and the field at fault. What the file asks for is bounded (see
// limits.go): it is refused up front rather than run for ever. It reads the
// file in the order a reader does: the JSON, the name, the settings, the
// servers' initial state, the script, then when the run ends; each part is
// its own function below.
func ParseScenario(data []byte) (*view.Scenario, error) {
	if len(data) > MaxScenarioBytes {
		return nil, tooLarge()
	}
	if err := CheckJSON(data); err != nil {
		return nil, err
	}
	var f scenarioFile
	if err := strictDecode(data, &f); err != nil {
		return nil, jsonError(-1, "", err)
	}
	if f.Name == nil || strings.TrimSpace(*f.Name) == "" {
		return nil, fileError("name", "scenario.required")
	}
	s, err := f.settings()
	if err != nil {
		return nil, err
	}
	initial, err := f.initial(s.Nodes)
	if err != nil {
		return nil, err
	}
	actions, err := parseActions(f.Steps, newActionCheck(firstNodes(s.Nodes), s.ReadMode))
	if err != nil {
		return nil, err
	}
	until, err := f.until(actions)
	if err != nil {
		return nil, err
	}
	if f.Challenge != nil && f.Until == nil {
		until = MaxDurationMs // a student plays as long as it takes
	}
	if err := checkLoadCalls(actions, until); err != nil {
		return nil, err
	}
	challenge, err := f.challenge(until)
	if err != nil {
		return nil, err
	}
	return &view.Scenario{Name: *f.Name, Description: f.Description, Settings: s, Initial: initial, Actions: actions, Until: until, Challenge: challenge}, nil
}

// fileError is a problem with a field of the file outside the steps.
func fileError(field, key string, args ...any) error {
	return &ScenarioError{Step: -1, Field: field, Msg: i18n.Msg(key, args...)}
}

// settings are the defaults with what the file sets, checked as a whole
// (Settings.Validate), so that a file and the settings dialog refuse the
// same values with the same words.
func (f *scenarioFile) settings() (view.Settings, error) {
	if f.Nodes == nil {
		return view.Settings{}, fileError("nodes", "scenario.required")
	}
	s := view.DefaultSettings()
	s.Nodes = *f.Nodes
	if s.Nodes < 1 || s.Nodes > view.MaxNodes {
		return view.Settings{}, fileError("nodes", "scenario.nodes.range", view.MaxNodes, s.Nodes)
	}
	if f.Seed != nil {
		s.Seed = *f.Seed
	}
	if f.Engine != nil {
		e, ok := view.ParseEngine(*f.Engine)
		if !ok {
			return view.Settings{}, fileError("engine", "scenario.engine", *f.Engine)
		}
		s.Engine = e
	}
	f.Timing.apply(&s)
	if err := f.Features.apply(&s); err != nil {
		return view.Settings{}, err
	}
	f.Rules.apply(&s)
	f.Network.apply(&s)
	if err := s.Validate(); err != nil {
		return view.Settings{}, fileError(settingsField(err), "scenario.cause", err)
	}
	return s, nil
}

// apply sets the timings the file gives; a file without "timing" (t nil)
// keeps the defaults.
func (t *timingJSON) apply(s *view.Settings) {
	if t == nil {
		return
	}
	setIf(&s.ElectionTimeoutMs, t.ElectionTimeoutMs)
	setIf(&s.HeartbeatMs, t.HeartbeatMs)
	setIf(&s.LatencyMs, t.LatencyMs)
	setIf(&s.FsyncMs, t.FsyncMs)
	setIf(&s.ElectionTimerStartPct, t.ElectionTimerStartPct)
}

// apply sets the features the file gives; the read mode is the only one
// that can be misspelled.
func (ft *featuresJSON) apply(s *view.Settings) error {
	if ft == nil {
		return nil
	}
	setIf(&s.PreVote, ft.PreVote)
	setIf(&s.CheckQuorum, ft.CheckQuorum)
	setIf(&s.LeaderNoop, ft.LeaderNoop)
	setIf(&s.FastBacktrack, ft.FastBacktrack)
	setIf(&s.SnapshotEvery, ft.SnapshotEvery)
	setIf(&s.ClientSessions, ft.ClientSessions)
	if ft.ReadMode != nil {
		m, ok := view.ParseReadMode(*ft.ReadMode)
		if !ok {
			return fileError("features.readMode", "scenario.read-mode", *ft.ReadMode)
		}
		s.ReadMode = m
	}
	return nil
}

// apply sets the broken rules the file asks for: "rules" replaces them all.
func (r *rulesFile) apply(s *view.Settings) {
	if r == nil {
		return
	}
	s.Rules = view.Rules{CommitOldTermsByCounting: r.CommitOldTermsByCounting, SkipElectionRestriction: r.SkipElectionRestriction,
		FixedElectionTimeout: r.FixedElectionTimeout, AckBeforeFsync: r.AckBeforeFsync}
}

// apply sets the network's faults the file gives.
func (n *networkJSON) apply(s *view.Settings) {
	if n == nil {
		return
	}
	setIf(&s.DropRate, n.DropRate)
	setIf(&s.DuplicateRate, n.DuplicateRate)
}

// initial reads the servers' initial states, each checked for a cluster of
// servers 1..nodes.
func (f *scenarioFile) initial(nodes int) (map[view.ID]view.Initial, error) {
	out := map[view.ID]view.Initial{}
	for _, key := range slices.Sorted(maps.Keys(f.Initial)) { // (sorted: the same error every time)
		in := f.Initial[key]
		id, err := strconv.Atoi(key)
		// (Canonical keys only: "01" or "+1" would be a second entry for
		// node 1, and which one won would depend on map order.)
		if err != nil || id < 1 || id > nodes || strconv.Itoa(id) != key {
			return nil, fileError("initial", "scenario.initial.key", key, nodes)
		}
		if err := validateInitial(in, nodes); err != nil {
			return nil, fileError("initial."+key, "scenario.cause", err)
		}
		out[view.ID(id)] = in
	}
	return out, nil
}

// until is when the run ends: the file's "until", which may not cut the
// script short nor pass MaxDurationMs, or else a second after the last
// action (or after the last load step's forMs ends).
func (f *scenarioFile) until(actions []view.Action) (int64, error) {
	last := int64(0)
	if len(actions) > 0 {
		last = actions[len(actions)-1].At
	}
	if f.Until == nil {
		// (Within the limit, so that the file saved from this run reads
		// again.)
		return min(max(last, loadsEnd(actions))+1000, MaxDurationMs), nil
	}
	if *f.Until < last {
		return 0, fileError("until", "scenario.until", *f.Until, last)
	}
	if *f.Until > MaxDurationMs {
		return 0, fileError("until", "scenario.limit.duration", MaxDurationMs, *f.Until)
	}
	return *f.Until, nil
}

func setIf[T any](dst *T, src *T) {
	if src != nil {
		*dst = *src
	}
}

// settingsField names the scenario field behind a Settings.Validate error.
func settingsField(err error) string {
	msg := err.Error()
	for _, f := range []struct{ prefix, field string }{
		{"electionTimeoutMs", "timing.electionTimeoutMs"}, {"electionTimerStartPct", "timing.electionTimerStartPct"}, {"heartbeatMs", "timing.heartbeatMs"},
		{"latencyMs", "timing.latencyMs"}, {"fsyncMs", "timing.fsyncMs"},
		{"dropRate", "network.dropRate"}, {"duplicateRate", "network.duplicateRate"},
		{"readMode", "features.readMode"}, {"nodes", "nodes"},
	} {
		if strings.HasPrefix(msg, f.prefix) {
			return f.field
		}
	}
	return ""
}

// validate checks a server's initial state against Raft's rules and
// bounds, in a cluster of servers 1..nodes.
func validateInitial(in view.Initial, nodes int) error {
	if len(in.Log) > MaxInitialLog {
		return i18n.Errorf("scenario.limit.initial-log", len(in.Log), MaxInitialLog)
	}
	if in.Term > maxTerm {
		return i18n.Errorf("scenario.initial.term-limit", in.Term, uint64(maxTerm))
	}
	if in.VotedFor > view.ID(nodes) {
		return i18n.Errorf("scenario.initial.voted-for", in.VotedFor, nodes)
	}
	prev := uint64(0)
	for i, t := range in.Log {
		if t == 0 || t < prev {
			return i18n.Errorf("scenario.initial.log", i, t, prev)
		}
		prev = t
	}
	if prev > in.Term {
		return i18n.Errorf("scenario.initial.term", in.Term, prev)
	}
	if in.CommitIndex > uint64(len(in.Log)) {
		return i18n.Errorf("scenario.initial.commit", in.CommitIndex, len(in.Log))
	}
	return nil
}

func withStep(err error, i int) error {
	var se *ScenarioError
	if errors.As(err, &se) {
		se.Step = i
		return se
	}
	return &ScenarioError{Step: i, Msg: i18n.Msg("scenario.cause", err)}
}

func strictDecode(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return i18n.Errorf("scenario.json.trailing")
	}
	return nil
}

// jsonError turns a decoding error into a ScenarioError naming the field.
func jsonError(step int, action string, err error) error {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te):
		// (An expect step's fields come from its embedded Expect, whose Go
		// name the decoder puts in the path.)
		field := strings.TrimPrefix(te.Field, "Expect.")
		return &ScenarioError{Step: step, Action: action, Field: field, Msg: typeMismatch(te.Type.Kind().String(), te.Value)}
	case errors.As(err, &se):
		return &ScenarioError{Step: step, Action: action, Msg: i18n.Msg("scenario.json.syntax", se.Offset, err)}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &ScenarioError{Step: step, Action: action, Msg: i18n.Msg("scenario.json.eof")}
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if field, ok := strings.CutPrefix(msg, "unknown field "); ok {
		return &ScenarioError{Step: step, Action: action, Field: strings.Trim(field, `"`), Msg: i18n.Msg("scenario.json.unknown-field")}
	}
	if _, ok := err.(i18n.Translatable); ok {
		return &ScenarioError{Step: step, Action: action, Msg: i18n.Msg("scenario.cause", err)}
	}
	return &ScenarioError{Step: step, Action: action, Msg: i18n.Msg("scenario.cause", msg)}
}

// typeMismatch says that a field holds the wrong kind of JSON value (got
// is encoding/json's name for what it holds: "string", "number -1").
func typeMismatch(kind, got string) i18n.Message {
	switch {
	case strings.HasPrefix(kind, "int"):
		return i18n.Msg("scenario.json.want-int", got)
	case strings.HasPrefix(kind, "uint"):
		return i18n.Msg("scenario.json.want-uint", got)
	case strings.HasPrefix(kind, "float"):
		return i18n.Msg("scenario.json.want-number", got)
	case kind == "slice", kind == "array":
		return i18n.Msg("scenario.json.want-list", got)
	case kind == "struct", kind == "map":
		return i18n.Msg("scenario.json.want-object", got)
	case kind == "bool":
		return i18n.Msg("scenario.json.want-bool", got)
	}
	return i18n.Msg("scenario.json.want-kind", kind, got)
}

// NewWorld creates the world a scenario starts from: its settings and its
// initial node states. Run its actions with a Session.
func NewWorld(sc *view.Scenario) (*World, error) {
	w, err := New(sc.Settings)
	if err != nil {
		return nil, err
	}
	for _, id := range slices.Sorted(maps.Keys(sc.Initial)) {
		in := sc.Initial[id]
		st := raft.DurableState{HardState: raft.HardState{Term: in.Term, Vote: raft.ID(in.VotedFor), Commit: in.CommitIndex}}
		for i, t := range in.Log {
			idx := uint64(i + 1)
			// The payload depends only on index and term, so equal
			// (index, term) pairs hold equal entries on every node, as
			// Log Matching demands of real logs.
			cmd := view.Command{Op: view.OpPut, Key: "x", Value: fmt.Sprintf("%d.%d", idx, t)}
			st.Entries = append(st.Entries, raft.Entry{Index: idx, Term: t, Kind: raft.EntryNormal, Data: EncodeCommand(cmd)})
		}
		if err := w.restartFrom(raft.ID(id), st); err != nil {
			return nil, err
		}
	}
	return w, nil
}

// restartFrom replaces node id, at time zero, with one booted from st.
func (w *World) restartFrom(id raft.ID, st raft.DurableState) error {
	w.shutdown(w.nodes[id])
	if err := w.startNode(id, w.bootPeers(id), st); err != nil {
		return err
	}
	w.startTimer(w.nodes[id])
	return nil
}

// MarshalScenario encodes a scenario as a scenario file (settings in
// full, so that it does not depend on defaults).
func MarshalScenario(sc *view.Scenario) ([]byte, error) {
	if err := checkLimits(sc); err != nil {
		return nil, err
	}
	s := sc.Settings
	rm := s.ReadMode.String()
	var timerStart *int
	if s.ElectionTimerStartPct != 0 {
		timerStart = &s.ElectionTimerStartPct
	}
	f := map[string]any{
		"name":        sc.Name,
		"description": sc.Description,
		"seed":        s.Seed,
		"nodes":       s.Nodes,
		"until":       sc.Until,
		"timing": timingJSON{ElectionTimeoutMs: &s.ElectionTimeoutMs, HeartbeatMs: &s.HeartbeatMs,
			LatencyMs: &s.LatencyMs, FsyncMs: &s.FsyncMs, ElectionTimerStartPct: timerStart},
		"features": featuresJSON{PreVote: &s.PreVote, CheckQuorum: &s.CheckQuorum, LeaderNoop: &s.LeaderNoop,
			FastBacktrack: &s.FastBacktrack, SnapshotEvery: &s.SnapshotEvery, ReadMode: &rm, ClientSessions: &s.ClientSessions},
		"rules": rulesFile{CommitOldTermsByCounting: s.Rules.CommitOldTermsByCounting, SkipElectionRestriction: s.Rules.SkipElectionRestriction,
			FixedElectionTimeout: s.Rules.FixedElectionTimeout, AckBeforeFsync: s.Rules.AckBeforeFsync},
		"network": networkJSON{DropRate: &s.DropRate, DuplicateRate: &s.DuplicateRate},
		"steps":   fileActions(sc.Actions),
	}
	if c := challengeJSON(sc.Challenge); c != nil {
		f["challenge"] = c
	}
	if s.Engine != view.EngineRaftLab {
		f["engine"] = s.Engine.String()
	}
	if len(sc.Initial) > 0 {
		in := map[string]view.Initial{}
		for id, v := range sc.Initial {
			in[strconv.Itoa(int(id))] = v
		}
		f["initial"] = in
	}
	data, err := json.MarshalIndent(f, "", "  ")
	if err == nil && len(data) > MaxScenarioBytes {
		return nil, i18n.Errorf("scenario.limit.save.size", MaxScenarioBytes>>20)
	}
	return data, err
}
