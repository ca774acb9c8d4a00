package main

import (
	"fmt"
	"math"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/ui"
)

// Load scenarios are the frame-rate benchmark's worlds: a sandbox of N nodes
// whose settings keep about M messages on the wire, so that drawing cost can
// be measured against the number of messages shown.
//
// Messages in flight follow Little's law: the rate at which they are sent
// times how long each one travels. A leader sends every follower a
// heartbeat each heartbeatMs and each follower answers, so heartbeats alone
// keep 2(N-1)·latency/heartbeatMs messages in flight. The builder picks the
// heartbeat interval (and, past one heartbeat per tick, the latency) that
// makes this the requested load, and adds a slow stream of client writes so
// that logs grow, entries commit and the log panel changes as it would in
// a lesson.
const (
	loadLatencyMs    = 40        // mean one-way latency; jittered ±50%
	loadWriteEveryMs = 250       // one client write this often
	loadUntilMs      = 3_660_000 // an hour and a minute: the benchmark's long run
	// maxLoad bounds the load parameter: beyond a few thousand messages the
	// benchmark measures the simulator, not the drawing.
	maxLoad = 5000
)

// loadScenario builds the benchmark world for nodes nodes and about load
// messages in flight.
func loadScenario(nodes, load int) (*view.Scenario, error) {
	if nodes < 1 || nodes > view.MaxNodes {
		return nil, i18n.Errorf("scenario.settings.nodes", view.MaxNodes, nodes)
	}
	if load < 0 || load > maxLoad {
		return nil, i18n.Errorf("scenario.load.range", maxLoad, load)
	}
	s := view.DefaultSettings()
	s.Nodes = nodes
	s.Seed = 1
	// Keep logs short over a long run, as a long-lived cluster would.
	s.SnapshotEvery = 100
	latency := float64(loadLatencyMs)
	heartbeat := float64(s.HeartbeatMs)
	if peers := float64(nodes - 1); peers > 0 && load > 0 {
		// The heartbeat interval nearest to the target at the default
		// latency, then the latency that makes up for its rounding.
		hbLoad := math.Max(float64(load)-writeShare*float64(nodes), 1)
		heartbeat = math.Max(1, math.Min(math.Round(2*peers*latency/hbLoad), heartbeat))
		latency = math.Max(2, math.Round(hbLoad*heartbeat/(2*peers)))
	}
	lat := int64(latency)
	s.LatencyMs = [2]int64{lat / 2, lat + lat/2}
	s.HeartbeatMs = int64(heartbeat)
	// Elections stay rare: well above a round trip and the heartbeat.
	minTimeout := max(150, 6*s.LatencyMs[1], 4*s.HeartbeatMs)
	s.ElectionTimeoutMs = [2]int64{minTimeout, 2 * minTimeout}
	if err := s.Validate(); err != nil {
		return nil, err
	}
	sc := &view.Scenario{Settings: s, Until: loadUntilMs}
	nameLoad(sc, load, i18n.English)
	// Node 1 campaigns at once, so the benchmark does not wait for an
	// election timeout to see traffic.
	sc.Actions = append(sc.Actions, view.Action{At: 1, Do: "campaign", Node: 1})
	if load > 0 {
		for i, at := 0, int64(500); at < loadUntilMs; i, at = i+1, at+loadWriteEveryMs {
			sc.Actions = append(sc.Actions, view.Action{At: at, Do: "put", Key: fmt.Sprintf("k%d", i%8), Value: fmt.Sprint(i)})
		}
	}
	return sc, nil
}

// nameLoad names a load world in a language (the top bar shows its name).
// The page's language is known only after the link has been read, so the
// world is named in English first, then again in the page's language.
func nameLoad(sc *view.Scenario, load int, lang i18n.Lang) {
	sc.Name = lang.T("scenario.load.name", sc.Settings.Nodes, load)
	sc.Description = lang.T("scenario.load.description")
}

// writeShare is about how many messages per node the write stream keeps in
// flight (measured at 0.7 to 1.3; load_test.go checks the result).
const writeShare = 1.0

// rateScenario is the memory benchmark's world: the sandbox the app opens
// on (five servers that snapshot every 100 entries) with clients writing
// rate times a second from its first second, for the hour a scenario may
// run.
// It is checked as a scenario file is: a rate the playground refuses (not
// positive, or an hour of too many calls) is an error.
func rateScenario(rate int) (*view.Scenario, error) {
	sc := ui.Sandbox()
	sc.Until = playground.MaxDurationMs
	sc.Actions = append(sc.Actions, view.Action{At: 1000, Do: "load", Rate: rate})
	data, err := playground.MarshalScenario(sc)
	if err == nil {
		_, err = playground.ParseScenario(data)
	}
	if err != nil {
		return nil, err
	}
	return sc, nil
}
