package ui

import "github.com/raftlab/raftlab/playground/view"

// loadPresets are the rates, in writes a second, that the client panel's
// load control offers: a trickle to follow in the feed, a steady stream,
// and a flood that fills the logs.
var loadPresets = []int{5, 20, 100}

// loadClients is the pool of clients the panel's load writes from: enough
// for 100 writes a second to a healthy cluster, few enough that an outage
// leaves a handful of calls waiting, not hundreds (each a line of the
// history the safety checks go through).
const loadClients = 16

// defaultLoadPreset is the preset the panel starts with: 20 writes a second.
const defaultLoadPreset = 1

// loadPreset is the rate the start button starts: the default preset,
// moved on once per press of the rate control.
func (p *clientPanel) loadPreset() int {
	return loadPresets[(defaultLoadPreset+p.loadSteps)%len(loadPresets)]
}

// runningLoad is the rate of the client load running now, or 0.
func runningLoad(s view.Session) int { return s.View().LoadRate }

// loadRate is the rate the load control shows: the running load's, or
// else the preset that the start button starts.
func (p *clientPanel) loadRate() int {
	if r := runningLoad(p.g.sess); r > 0 {
		return r
	}
	return p.loadPreset()
}

// nextLoadRate moves to the next preset; a running load goes on at that
// rate (a new load step, which the session records like any action).
func (p *clientPanel) nextLoadRate() {
	p.loadSteps = (p.loadSteps + 1) % len(loadPresets)
	if runningLoad(p.g.sess) > 0 {
		p.startLoad()
	}
}

// toggleLoad starts a load of writes at the preset rate, or stops the
// running one.
func (p *clientPanel) toggleLoad() {
	if runningLoad(p.g.sess) > 0 {
		p.g.act(view.Action{Do: "load"})
		return
	}
	p.startLoad()
}

// startLoad starts a load of writes at the preset rate over the keys
// k1..k8, from loadClients clients, sent where the panel's target says,
// until it is stopped.
func (p *clientPanel) startLoad() {
	p.g.act(view.Action{Do: "load", Rate: p.loadPreset(), Clients: loadClients, Node: p.target})
}
