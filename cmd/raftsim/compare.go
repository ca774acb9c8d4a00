package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// compareRows is how many client calls the side-by-side table shows: the
// rest are counted (a load makes hundreds).
const compareRows = 12

// compared are the engines raftsim compare runs a scenario on, whatever
// engine the scenario names.
var compared = [2]view.Engine{view.EngineRaftLab, view.EngineEtcd}

// runCompare is raftsim compare: it runs a scenario on both engines and
// says where they first differ in what must agree (playground.Outcome),
// or that they agree, then shows what may differ side by side. Exit 0
// when they agree, 1 when they diverge, 2 for bad input, which includes a
// scenario with a teaching switch (etcd's raft has none).
func runCompare(args []string, lang i18n.Lang, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("raftsim compare", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	asJSON := fs.Bool("json", false, "print the comparison as JSON")
	seed := fs.Int64("seed", 0, "override the scenario's seed")
	until := fs.Int64("until", -1, "override the scenario's end time (ms)")
	link := fs.String("link", "", "compare a share link's scenario, to the moment it shows")
	source, err := sourceArg(fs, args, link, lang)
	if err != nil {
		fmt.Fprintf(stderr, "raftsim compare: %v\n%s", err, lang.T("raftsim.usage"))
		return 2
	}
	isLink := *link != ""
	sc, problem := openScenario(source, isLink, fs, runOverrides{seed: *seed, until: *until}, lang)
	// (Both worlds first: a scenario etcd cannot run is refused at once.)
	var worlds [2]*playground.World
	for i, e := range compared {
		if problem == "" {
			on := *sc
			on.Settings.Engine = e
			worlds[i], problem = openWorld(&on, source, isLink, lang)
		}
	}
	if problem != "" {
		fmt.Fprintf(stderr, "raftsim: %s\n", problem)
		return 2
	}
	var runs [2]engineRun
	for i, w := range worlds {
		runs[i] = runToEnd(w, sc, compared[i])
	}
	a, b := runs[0], runs[1]
	oa, ob := playground.OutcomeOf(a.res), playground.OutcomeOf(b.res)
	diff := oa.Difference(ob, a.engine, b.engine)
	if *asJSON {
		if err := writeComparisonJSON(stdout, runs, diff); err != nil {
			fmt.Fprintf(stderr, "raftsim: %v\n", err)
			return 2
		}
	} else {
		printComparison(stdout, runs, [2]playground.Outcome{oa, ob}, diff, lang)
	}
	if !diff.Empty() {
		return 1
	}
	return 0
}

// engineRun is a scenario's run on one engine.
type engineRun struct {
	engine string
	res    playground.RunResult
}

// runToEnd runs sc's world w, on engine e, to the scenario's end.
func runToEnd(w *playground.World, sc *view.Scenario, e view.Engine) engineRun {
	s := playground.NewSession(w, sc.Actions)
	s.DiscardCheckpoints()
	s.DiscardTrace()
	s.RunUntil(sc.Until)
	return engineRun{e.String(), s.World().Result(sc.Name)}
}

// printComparison writes the verdict, then what may differ side by side.
func printComparison(w io.Writer, runs [2]engineRun, outs [2]playground.Outcome, diff i18n.Message, lang i18n.Lang) {
	a, b := runs[0], runs[1]
	fmt.Fprintf(w, "%s\n\n", lang.T("raftsim.run.title", a.res.Name, a.res.Seed, a.res.EndMs))
	if diff.Empty() {
		o := outs[0]
		fmt.Fprintf(w, "%s\n\n", lang.T("compare.agree", len(o.Committed), len(o.Calls), len(o.Store), string(o.Verdict)))
	} else {
		fmt.Fprintf(w, "%s\n  %s\n\n", lang.T("compare.diverge"), diff.In(lang))
	}
	fmt.Fprintf(w, "%s\n", lang.T("compare.may-differ"))
	row := func(label, x, y string) {
		fmt.Fprintln(w, strings.TrimRight("  "+padWide(label, 30)+" "+padWide(x, 20)+" "+y, " "))
	}
	row("", a.engine, b.engine)
	row(lang.T("compare.row.checks"), checksText(a.res, lang), checksText(b.res, lang))
	row(lang.T("compare.row.terms"), termsText(a.res), termsText(b.res))
	sa, sb := a.res.Stats, b.res.Stats
	row(lang.T("compare.row.elections"), fmt.Sprint(sa.Elections), fmt.Sprint(sb.Elections))
	row(lang.T("compare.row.leader-changes"), fmt.Sprint(sa.LeaderChanges), fmt.Sprint(sb.LeaderChanges))
	row(lang.T("compare.row.messages"), "", "")
	for _, t := range raft.MessageTypes {
		x, y := sa.MessagesSent[t.String()], sb.MessagesSent[t.String()]
		if x > 0 || y > 0 {
			row("  "+t.String(), fmt.Sprint(x), fmt.Sprint(y))
		}
	}
	ha, hb := a.res.History, b.res.History
	if len(ha) == 0 && len(hb) == 0 {
		return
	}
	row(lang.T("compare.row.returns"), "", "")
	for i := range min(max(len(ha), len(hb)), compareRows) {
		label := ""
		if c := outs[0].Calls; i < len(c) {
			label = lang.T("compare.row.call", i+1, c[i].Client, c[i].Cmd.String())
		}
		row("  "+label, returnText(ha, i, lang), returnText(hb, i, lang))
	}
	if more := max(len(ha), len(hb)) - compareRows; more > 0 {
		fmt.Fprintf(w, "  %s\n", lang.T("compare.row.more", more))
	}
}

// checksText sums up a run's own checks: its expectations and the
// safety checkers.
func checksText(r playground.RunResult, lang i18n.Lang) string {
	failed := len(r.Violations)
	for _, e := range r.Expectations {
		if !e.OK {
			failed++
		}
	}
	if failed == 0 {
		return lang.T("compare.checks.ok")
	}
	return lang.T("compare.checks.failed", failed)
}

// termsText is each server's term at the end, "-" for a server down.
func termsText(r playground.RunResult) string {
	var parts []string
	for _, n := range r.Nodes {
		if n.Up {
			parts = append(parts, fmt.Sprint(n.Term))
		} else {
			parts = append(parts, "-")
		}
	}
	return strings.Join(parts, " ")
}

// returnText is when call i returned, in ms.
func returnText(h []playground.HistoryEntry, i int, lang i18n.Lang) string {
	switch {
	case i >= len(h):
		return ""
	case h[i].ReturnMs == nil:
		return lang.T("compare.row.pending")
	}
	return fmt.Sprint(*h[i].ReturnMs)
}

// comparisonJSON is what raftsim compare --json prints.
type comparisonJSON struct {
	Name  string `json:"name"`
	Seed  int64  `json:"seed"`
	EndMs int64  `json:"endMs"`
	Agree bool   `json:"agree"`
	// Difference is the first difference, in English; empty when they
	// agree.
	Difference string       `json:"difference"`
	Engines    []engineJSON `json:"engines"`
}

// engineJSON is what may differ of one engine's run.
type engineJSON struct {
	Engine string                 `json:"engine"`
	OK     bool                   `json:"ok"`
	Terms  []uint64               `json:"terms"`
	Stats  playground.StatsResult `json:"stats"`
	// Returns is when each call returned (ms), null when it never did.
	Returns []*int64 `json:"returns"`
}

func writeComparisonJSON(w io.Writer, runs [2]engineRun, diff i18n.Message) error {
	r := runs[0].res
	out := comparisonJSON{Name: r.Name, Seed: r.Seed, EndMs: r.EndMs, Agree: diff.Empty()}
	if !diff.Empty() {
		out.Difference = diff.String()
	}
	for _, run := range runs {
		e := engineJSON{Engine: run.engine, OK: run.res.OK(), Terms: []uint64{}, Stats: run.res.Stats, Returns: []*int64{}}
		for _, n := range run.res.Nodes {
			e.Terms = append(e.Terms, n.Term)
		}
		for _, h := range run.res.History {
			e.Returns = append(e.Returns, h.ReturnMs)
		}
		out.Engines = append(out.Engines, e)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
