package playground

import (
	"strconv"

	"github.com/raftlab/raftlab/internal/splitmix"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// A load step keeps up a steady client load: rate calls a second, for
// forMs (or until stopped), spread over keys k1..kN, readPct percent of
// them gets and the rest puts of values no other call of the load wrote,
// so that the linearizability check has something to check. With clients
// set, a call is made only while fewer calls than that are outstanding
// (else it is skipped), as in a deployment of that many clients: an outage
// then leaves few calls pending, which the linearizability check can
// untangle (thousands pending at once can outlast its timeout). A benchmark,
// a chaos run or a lesson then needs one step where it needed one per
// call, and MaxActions no longer bounds how long a load can run.
//
// The world keeps the load as state (World.load) and schedules its next
// call as an event, rather than the step expanding into calls up front:
// a checkpoint, a seek or a fork carries the load with the rest of the
// world. Each call goes through Submit, as a put or get step's does
// (history, linearizability, trace). One load runs at a time: a load step
// replaces the running load, and a load of rate 0 stops it.

// defaultLoadKeys is how many keys a load step spreads its calls over when
// it does not say: as many as the chaos runs and the benchmarks use.
const defaultLoadKeys = 8

// clientLoad is the world's running load, if on. It is a plain value (its
// keys are never changed, only replaced), so copying the world copies it.
type clientLoad struct {
	// gen numbers the loads started: an event of a load since replaced or
	// stopped carries an older one and is ignored.
	gen uint64
	on  bool
	// The call with index i (from 0) falls due at startMs + i*1000/rate;
	// none at or after endMs (0: none set). due counts those fallen due,
	// made those made (not skipped for want of an idle client, see
	// clients).
	rate, startMs, endMs int64
	due, made            int64
	clients              int
	readPct              uint64
	node                 raft.ID
	mode                 view.ReadMode
	keys                 []string
	// rng draws each call's key and kind: a stream of its own, so that a
	// load leaves the world's draws, and every other scenario's run, as
	// they were.
	rng splitmix.Source
	// written counts the values the world's loads wrote so far: the next
	// put writes the next number.
	written uint64
}

// loadSalt makes a load's stream differ from every other stream derived
// from the seed.
const loadSalt = 0x10ad_5eed_c11e_0001

// startLoad carries out a load step: it starts (or replaces, or with rate
// 0 stops) the world's client load. The first call is made now, as a put
// step's would be.
func (w *World) startLoad(a view.Action) error {
	if field, msg := loadProblem(a); field != "" {
		return &ScenarioError{Step: -1, Action: a.Do, Field: field, Msg: msg}
	}
	l := &w.load
	if a.Rate == 0 {
		if !l.on {
			return i18n.Errorf("scenario.action.no-load")
		}
		w.stopLoad()
		return nil
	}
	if a.Node != view.None {
		if _, err := w.node(raft.ID(a.Node)); err != nil {
			return err
		}
	}
	mode := w.settings.ReadMode
	if a.Mode != "" {
		mode, _ = view.ParseReadMode(a.Mode) // (loadProblem checked it)
	}
	if mode == view.LeaseRead && w.settings.ReadMode != view.LeaseRead {
		return i18n.Errorf("scenario.step.lease-off")
	}
	if l.on {
		w.stopLoad() // replaced: the feed says how far it got
	}
	gen := l.gen + 1
	seed := splitmix.Mix(uint64(w.settings.Seed)^loadSalt) ^ splitmix.Mix(uint64(a.At)) ^ gen
	*l = clientLoad{gen: gen, on: true, rate: int64(a.Rate), startMs: w.now, clients: a.Clients, readPct: uint64(a.ReadPct),
		node: raft.ID(a.Node), mode: mode, keys: loadKeys(a.Keys), rng: splitmix.Source{State: seed}, written: l.written}
	if a.ForMs > 0 {
		l.endMs = w.now + a.ForMs
	}
	ev := Event{Type: view.EvNote, Node: l.node, Key: "feed.load.start", Args: []any{a.Rate, len(l.keys), a.ReadPct}}
	if l.node != raft.None {
		ev.Key, ev.Args = "feed.load.start.node", append(ev.Args, l.node)
	}
	w.emit(ev)
	w.loadCall(gen)
	return nil
}

// stopLoad ends the running load.
func (w *World) stopLoad() {
	l := &w.load
	l.on = false
	ev := Event{Type: view.EvNote, Key: "feed.load.stop", Args: []any{l.made}}
	if skipped := l.due - l.made; skipped > 0 {
		ev.Key, ev.Args = "feed.load.stop.skipped", []any{l.made, skipped}
	}
	w.emit(ev)
}

// loadCall makes the load's next call, if the load of generation gen still
// runs, and schedules the one after.
func (w *World) loadCall(gen uint64) {
	l := &w.load
	if !l.on || l.gen != gen {
		return
	}
	key := l.keys[l.rng.Uint64()%uint64(len(l.keys))]
	cmd := view.Command{Op: view.OpGet, Key: key}
	if l.rng.Uint64()%100 >= l.readPct {
		l.written++
		cmd.Op, cmd.Value = view.OpPut, strconv.FormatUint(l.written, 10)
	}
	// (A server removed since the load began is skipped, as a put step
	// naming it would fail.)
	n := w.nodes[l.node]
	if (l.node == raft.None || n != nil && !n.Removed) && (l.clients == 0 || w.Outstanding() < l.clients) {
		w.Submit(cmd, l.node, l.mode)
		l.made++
	}
	l.due++
	next := l.startMs + l.due*1000/l.rate
	if l.endMs > 0 && next >= l.endMs {
		w.stopLoad()
		return
	}
	w.schedule(event{at: next, kind: evLoad, gen: gen})
}

// loadKeys are the keys k1..kN of a load over n keys (n 0: the default).
func loadKeys(n int) []string {
	if n == 0 {
		n = defaultLoadKeys
	}
	keys := make([]string, n)
	for i := range keys {
		keys[i] = "k" + strconv.Itoa(i+1)
	}
	return keys
}

// loadProblem says which field of a load step is out of bounds, and why
// ("" when none is): a scenario's check and the world's Do refuse the
// same values with the same words.
func loadProblem(a view.Action) (string, i18n.Message) {
	switch {
	case a.Rate < 0 || a.Rate > MaxLoadRate:
		return "rate", i18n.Msg("scenario.step.load.rate", MaxLoadRate, a.Rate)
	case a.ForMs < 0:
		return "forMs", i18n.Msg("scenario.step.negative", a.ForMs)
	case a.ForMs > MaxDurationMs:
		return "forMs", i18n.Msg("scenario.limit.duration", MaxDurationMs, a.ForMs)
	case a.Keys < 0 || a.Keys > MaxLoadKeys:
		return "keys", i18n.Msg("scenario.step.load.keys", MaxLoadKeys, a.Keys)
	case a.Clients < 0:
		return "clients", i18n.Msg("scenario.step.negative", a.Clients)
	case a.ReadPct < 0 || a.ReadPct > 100:
		return "readPct", i18n.Msg("scenario.step.load.read-pct", a.ReadPct)
	}
	if _, ok := view.ParseReadMode(a.Mode); a.Mode != "" && !ok {
		return "mode", i18n.Msg("scenario.read-mode", a.Mode)
	}
	return "", i18n.Message{}
}

// checkLoad checks a load step before the run: its bounds, its server, and
// that a lease read mode is on when it asks for one.
func checkLoad(a view.Action, c *actionCheck) error {
	if field, msg := loadProblem(a); field != "" {
		return &ScenarioError{Step: -1, Action: c.do, Field: field, Msg: msg}
	}
	if m, _ := view.ParseReadMode(a.Mode); a.Mode != "" && m == view.LeaseRead && c.readMode != view.LeaseRead {
		return c.bad("mode", "scenario.step.lease-off")
	}
	return c.optionalMember("node", a.Node)
}

// loadsEnd is when the last load with a forMs ends (0 if none has one):
// a scenario without "until" runs a second past it, as past its last
// step.
func loadsEnd(actions []view.Action) int64 {
	end := int64(0)
	for _, a := range actions {
		if a.Do == "load" && a.Rate > 0 && a.ForMs > 0 {
			end = max(end, a.At+a.ForMs)
		}
	}
	return end
}

// checkLoadCalls refuses a script whose loads would make more than
// MaxLoadCalls calls in a run to until: each load counts up to its forMs,
// the next load step, or until, whichever comes first.
func checkLoadCalls(actions []view.Action, until int64) error {
	total, last := int64(0), -1
	count := func(next int64) {
		if last < 0 {
			return
		}
		a := actions[last]
		end := min(until, next)
		if a.ForMs > 0 {
			end = min(end, a.At+a.ForMs)
		}
		if end >= a.At && a.Rate > 0 {
			total += 1 + (end-a.At)*int64(a.Rate)/1000
		}
	}
	for i, a := range actions {
		if a.Do == "load" {
			count(a.At)
			last = i
		}
	}
	count(until)
	if total > MaxLoadCalls {
		return &ScenarioError{Step: -1, Field: "steps", Msg: i18n.Msg("scenario.limit.load-calls", total, MaxLoadCalls)}
	}
	return nil
}

// loadForm is a load step's fields in a scenario file.
type loadForm struct {
	actionHead
	Rate    *int    `json:"rate"`
	ForMs   int64   `json:"forMs,omitempty"`
	Keys    int     `json:"keys,omitempty"`
	ReadPct int     `json:"readPct,omitempty"`
	Clients int     `json:"clients,omitempty"`
	Node    view.ID `json:"node,omitempty"`
	Mode    string  `json:"mode,omitempty"`
}

func (f *loadForm) fill(a view.Action) {
	*f = loadForm{actionHead{a.At, a.Do}, &a.Rate, a.ForMs, a.Keys, a.ReadPct, a.Clients, a.Node, a.Mode}
}

func (f *loadForm) action() (view.Action, string) {
	if f.Rate == nil {
		return view.Action{}, "rate"
	}
	return view.Action{At: f.At, Do: f.Do, Rate: *f.Rate, ForMs: f.ForMs, Keys: f.Keys, ReadPct: f.ReadPct, Clients: f.Clients, Node: f.Node, Mode: f.Mode}, ""
}
