package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// parseInterspersed parses flags that may come before or after the
// positional arguments, which the flag package alone does not allow.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// runScenario is raftsim run: it plays a scenario file to its end and
// prints the result. Exit 0 when every check holds, 1 when one fails, 2
// for a bad file, bad flags or a file that cannot be written.
func runScenario(args []string, lang i18n.Lang, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("raftsim run", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	asJSON := fs.Bool("json", false, "print the result document as JSON")
	events := fs.String("events", "", "write the trace as JSON Lines to this file")
	seed := fs.Int64("seed", 0, "override the scenario's seed")
	until := fs.Int64("until", -1, "override the scenario's end time (ms)")
	report := fs.String("report", "", "write porcupine's linearizability report (HTML) to this file")
	link := fs.String("link", "", "run a share link's scenario to the moment it shows, instead of a file")
	engine := fs.String("engine", "", "run on this Raft engine: raftlab or etcd")
	source, err := sourceArg(fs, args, link, lang)
	if err != nil {
		fmt.Fprintf(stderr, "raftsim run: %v\n%s", err, lang.T("raftsim.usage"))
		return 2
	}
	sc, w, problem := openRun(source, *link != "", fs, runOverrides{*seed, *until, *engine}, lang)
	if problem != "" {
		fmt.Fprintf(stderr, "raftsim: %s\n", problem)
		return 2
	}
	sess := playground.NewSession(w, sc.Actions)
	sess.DiscardCheckpoints() // it never seeks
	if *events == "" {
		sess.DiscardTrace() // nobody reads it: a third faster
		sess.RunUntil(sc.Until)
	} else if err := runWritingEvents(sess, sc.Until, *events); err != nil {
		fmt.Fprintf(stderr, "raftsim: %v\n", err)
		return 2
	}
	result := sess.World().Brief // the nodes' logs are rendered only for --json
	if *asJSON {
		result = sess.World().Result
	}
	res := result(sc.Name)
	if err := writeResult(res, *report, *asJSON, lang, stdout); err != nil {
		fmt.Fprintf(stderr, "raftsim: %v\n", err)
		return 2
	}
	if !res.OK() {
		return 1
	}
	return 0
}

// sourceArg parses args with fs and returns the scenario a command reads:
// the one file named, or the share link given with --link (link, the
// flag's value once parsed), not both.
func sourceArg(fs *flag.FlagSet, args []string, link *string, lang i18n.Lang) (string, error) {
	pos, err := parseInterspersed(fs, args)
	switch {
	case err != nil:
		return "", err
	case *link != "" && len(pos) > 0:
		return "", errors.New(lang.T("raftsim.run.link-and-file"))
	case *link == "" && len(pos) != 1:
		return "", errors.New(lang.T("raftsim.run.one-file", len(pos)))
	case *link != "":
		return *link, nil
	}
	return pos[0], nil
}

// runOverrides are the flags that override a scenario's own settings.
type runOverrides struct {
	seed, until int64
	engine      string
}

// openRun reads the scenario (openScenario) and makes the world. A
// problem comes back as the line to print: each names the file, the link
// or the flag at fault.
func openRun(file string, isLink bool, fs *flag.FlagSet, o runOverrides, lang i18n.Lang) (*view.Scenario, *playground.World, string) {
	sc, problem := openScenario(file, isLink, fs, o, lang)
	if problem != "" {
		return nil, nil, problem
	}
	w, problem := openWorld(sc, file, isLink, lang)
	return sc, w, problem
}

// openWorld makes sc's world; a problem is the line to print, naming the
// file or the link.
func openWorld(sc *view.Scenario, file string, isLink bool, lang i18n.Lang) (*playground.World, string) {
	if isLink {
		file = "--link"
	}
	w, err := playground.NewWorld(sc)
	if err != nil {
		return nil, fmt.Sprintf("%s: %s", file, i18n.ErrorIn(err, lang))
	}
	return w, ""
}

// openScenario reads the scenario file, or the share link when isLink is
// set (its scenario, run to the moment it shows), and applies the flags
// given on the command line (fs: only those set override the file). A
// problem comes back as the line to print.
func openScenario(file string, isLink bool, fs *flag.FlagSet, o runOverrides, lang i18n.Lang) (*view.Scenario, string) {
	var sc *view.Scenario
	var err error
	if isLink {
		sc, err = linkScenario(file)
		file = "--link"
	} else {
		sc, err = readScenario(file)
	}
	if err != nil {
		return nil, fmt.Sprintf("%s: %s", file, i18n.ErrorIn(err, lang))
	}
	var bad string
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "seed":
			sc.Settings.Seed = o.seed
		case "until":
			sc.Until = o.until
		case "engine":
			e, ok := view.ParseEngine(o.engine)
			if !ok {
				bad = "--engine: " + i18n.Msg("scenario.engine", o.engine).In(lang)
			}
			sc.Settings.Engine = e
		}
	})
	switch {
	case bad != "":
		return nil, bad
	case sc.Until < 0:
		return nil, lang.T("raftsim.run.until")
	case sc.Until > playground.MaxDurationMs:
		return nil, lang.T("raftsim.run.until-limit", playground.MaxDurationMs, sc.Until)
	}
	return sc, ""
}

// writeResult writes porcupine's report when one is asked for, then the
// result: as JSON for a program, or as a summary for a person.
func writeResult(res playground.RunResult, report string, asJSON bool, lang i18n.Lang, stdout io.Writer) error {
	if report != "" {
		if err := res.WriteReport(report); err != nil {
			return err
		}
	}
	if !asJSON {
		printSummary(stdout, res, lang)
		return nil
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(res)
}

// linkScenario is a share link's scenario, to run until the moment the
// link shows (or to its end, for a link at the start).
func linkScenario(link string) (*view.Scenario, error) {
	l, err := playground.DecodeLink(link)
	if err != nil {
		return nil, err
	}
	if l.AtMs > 0 {
		l.Scenario.Until = l.AtMs
	}
	return l.Scenario, nil
}

// readScenario reads and parses a scenario file, reading no more of it
// than the largest scenario file allowed.
func readScenario(path string) (*view.Scenario, error) {
	f, err := os.Open(path)
	if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
		return nil, pe.Err // (the line names the file already)
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := playground.ReadScenarioFile(f)
	if err != nil {
		return nil, err
	}
	return playground.ParseScenario(data)
}

// printSummary writes a run's result for a person, in lang: expectations,
// violations and stale reads too; the scenario's name and the
// linearizability verdict stay as they are.
func printSummary(w io.Writer, r playground.RunResult, lang i18n.Lang) {
	fmt.Fprintf(w, "%s\n\n", lang.T("raftsim.run.title", r.Name, r.Seed, r.EndMs))
	fmt.Fprintf(w, "%s\n", lang.T("raftsim.run.columns"))
	for _, n := range r.Nodes {
		role := n.Role
		if slices.Contains(roles, role) {
			role = lang.T("raftsim.role." + role)
		}
		fmt.Fprintf(w, "  S%-3d  %s  %4d  %6d  %7d  %4d  %s\n", n.ID, padWide(role, 12), n.Term, n.CommitIndex, n.AppliedIndex, n.LastIndex, logSummary(n))
	}
	fmt.Fprintln(w)
	for _, e := range r.Expectations {
		mark := "ok  "
		if !e.OK {
			mark = "FAIL"
		}
		fmt.Fprintf(w, "  %s\n", lang.T("raftsim.run.expectation", mark, e.At, e.Text.In(lang)))
	}
	if len(r.Violations) == 0 {
		fmt.Fprintf(w, "  %s\n", lang.T("raftsim.run.no-violations"))
	}
	for _, v := range r.Violations {
		fmt.Fprintf(w, "  %s\n", lang.T("raftsim.run.violation", v.AtMs, view.PropertyName(v.Property, lang), v.MessageIn(lang)))
	}
	for _, v := range r.StaleReads {
		fmt.Fprintf(w, "  %s\n", lang.T("raftsim.run.stale-read", v.AtMs, v.MessageIn(lang)))
	}
	fmt.Fprintf(w, "  %s\n", lang.T("raftsim.run.calls", r.Calls, r.Returned, r.Verdict))
	if r.Verdict == "illegal" {
		printLinExplanation(w, r.Explain(), lang)
	}
	s := r.Stats
	total := 0
	for _, c := range s.MessagesSent {
		total += c
	}
	fmt.Fprintf(w, "  %s\n", lang.T("raftsim.run.messages", total, s.MessagesDelivered, s.MessagesDropped, s.Elections, s.LeaderChanges))
}

// roles are the roles a run's table writes in the reader's language
// (raftsim.role.*); any other is shown as the run names it.
var roles = []string{"follower", "precandidate", "candidate", "leader", "down"}

// logSummary writes a log as its terms, eliding the middle of long logs.
func logSummary(n playground.NodeResult) string {
	var parts []string
	if n.SnapshotIndex > 0 {
		parts = append(parts, fmt.Sprintf("[snapshot ..%d]", n.SnapshotIndex))
	}
	terms := n.LogTerms
	if len(terms) > 24 {
		for _, t := range terms[:8] {
			parts = append(parts, fmt.Sprint(t))
		}
		parts = append(parts, fmt.Sprintf("…(%d)…", len(terms)-16))
		terms = terms[len(terms)-8:]
	}
	for _, t := range terms {
		parts = append(parts, fmt.Sprint(t))
	}
	return strings.Join(parts, " ")
}
