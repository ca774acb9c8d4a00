package playground

import (
	"slices"
	"strconv"
	"strings"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// SearchRules are the teaching switches a search can turn on, named as
// scenario files spell them under "rules". (The fifth switch,
// skipLeaderNoop, is the feature leaderNoop=false.)
var SearchRules = []string{"commitOldTermsByCounting", "skipElectionRestriction", "fixedElectionTimeout", "ackBeforeFsync"}

// SetRule turns on the teaching switch name in s.
func SetRule(s *view.Settings, name string) error {
	r := &s.Rules
	switch name {
	case "commitOldTermsByCounting":
		r.CommitOldTermsByCounting = true
	case "skipElectionRestriction":
		r.SkipElectionRestriction = true
	case "fixedElectionTimeout":
		r.FixedElectionTimeout = true
	case "ackBeforeFsync":
		r.AckBeforeFsync = true
	default:
		return i18n.Errorf("search.rule.unknown", name, strings.Join(SearchRules, ", "))
	}
	return nil
}

// searchFeature is a setting a search can fix: its name as a scenario
// file spells it, and how to set it from text.
type searchFeature struct {
	name string
	// want is the catalogue key that describes the values it takes.
	want string
	set  func(s *view.Settings, v string) bool
}

var searchFeatures = []searchFeature{
	boolFeature("preVote", func(s *view.Settings) *bool { return &s.PreVote }),
	boolFeature("checkQuorum", func(s *view.Settings) *bool { return &s.CheckQuorum }),
	boolFeature("leaderNoop", func(s *view.Settings) *bool { return &s.LeaderNoop }),
	boolFeature("fastBacktrack", func(s *view.Settings) *bool { return &s.FastBacktrack }),
	boolFeature("clientSessions", func(s *view.Settings) *bool { return &s.ClientSessions }),
	{"snapshotEvery", "search.want.count", func(s *view.Settings, v string) bool {
		n, err := strconv.ParseUint(v, 10, 32)
		s.SnapshotEvery = n
		return err == nil
	}},
	{"readMode", "search.want.read-mode", func(s *view.Settings, v string) bool {
		m, ok := view.ParseReadMode(v)
		s.ReadMode = m
		return ok
	}},
	intFeature("heartbeatMs", func(s *view.Settings) *int64 { return &s.HeartbeatMs }),
	intFeature("fsyncMs", func(s *view.Settings) *int64 { return &s.FsyncMs }),
	rangeFeature("electionTimeoutMs", func(s *view.Settings) *[2]int64 { return &s.ElectionTimeoutMs }),
	rangeFeature("latencyMs", func(s *view.Settings) *[2]int64 { return &s.LatencyMs }),
	{"electionTimerStartPct", "search.want.pct", func(s *view.Settings, v string) bool {
		n, err := strconv.Atoi(v)
		s.ElectionTimerStartPct = n
		return err == nil
	}},
	rateFeature("dropRate", func(s *view.Settings) *float64 { return &s.DropRate }),
	rateFeature("duplicateRate", func(s *view.Settings) *float64 { return &s.DuplicateRate }),
}

func boolFeature(name string, field func(*view.Settings) *bool) searchFeature {
	return searchFeature{name, "search.want.bool", func(s *view.Settings, v string) bool {
		b, err := strconv.ParseBool(v)
		*field(s) = b
		return err == nil && (v == "true" || v == "false")
	}}
}

func intFeature(name string, field func(*view.Settings) *int64) searchFeature {
	return searchFeature{name, "search.want.ms", func(s *view.Settings, v string) bool {
		n, err := strconv.ParseInt(v, 10, 64)
		*field(s) = n
		return err == nil
	}}
}

func rangeFeature(name string, field func(*view.Settings) *[2]int64) searchFeature {
	return searchFeature{name, "search.want.range", func(s *view.Settings, v string) bool {
		lo, hi, ok := strings.Cut(v, "-")
		a, err1 := strconv.ParseInt(lo, 10, 64)
		b, err2 := strconv.ParseInt(hi, 10, 64)
		*field(s) = [2]int64{a, b}
		return ok && err1 == nil && err2 == nil
	}}
}

func rateFeature(name string, field func(*view.Settings) *float64) searchFeature {
	return searchFeature{name, "search.want.rate", func(s *view.Settings, v string) bool {
		f, err := strconv.ParseFloat(v, 64)
		*field(s) = f
		return err == nil
	}}
}

// SetFeature sets a feature from "NAME=VALUE" in s and returns its name.
// The settings as a whole are checked by Settings.Validate.
func SetFeature(s *view.Settings, arg string) (string, error) {
	name, value, ok := strings.Cut(arg, "=")
	if !ok {
		return "", i18n.Errorf("search.feature.form", arg)
	}
	i := slices.IndexFunc(searchFeatures, func(f searchFeature) bool { return f.name == name })
	if i < 0 {
		names := make([]string, len(searchFeatures))
		for i, f := range searchFeatures {
			names[i] = f.name
		}
		return "", i18n.Errorf("search.feature.unknown", name, strings.Join(names, ", "))
	}
	if f := searchFeatures[i]; !f.set(s, value) {
		return "", i18n.Errorf("search.feature.value", name, value, i18n.Msg(f.want))
	}
	return name, nil
}
