package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/raftlab/raftlab/lessons"
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// runChallenge is `raftsim challenge verify|link`: a teacher makes the
// link to a challenge from its scenario file, and checks the solution a
// student hands in.
func runChallenge(args []string, lang i18n.Lang, stdout, stderr io.Writer) int {
	usage := lang.T("raftsim.challenge.usage")
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "verify":
		return verifyChallenge(args[1:], lang, stdout, stderr)
	case "link":
		return challengeLink(args[1:], lang, stdout, stderr)
	}
	fmt.Fprintf(stderr, "raftsim challenge: %s\n%s", lang.T("raftsim.unknown-command", args[0]), usage)
	return 2
}

// verifyChallenge replays a student's solution (their share link, a file
// holding it, or a saved session file) to the moment it shows, judging
// the scenario's challenge on the way, and prints the verdict with the
// result code the run earns. With --code it checks the code the student
// reported. Exit 0 for a pass (with the code given, if any), 1 for a
// fail, a run not yet passed or another code, 2 for bad input.
func verifyChallenge(args []string, lang i18n.Lang, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("raftsim challenge verify", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	code := fs.String("code", "", "the result code the student reported (XXXX-XXXX)")
	pos, err := parseInterspersed(fs, args)
	if err == nil && len(pos) != 1 {
		err = errors.New(lang.T("raftsim.challenge.one", len(pos)))
	}
	if err != nil {
		fmt.Fprintf(stderr, "raftsim challenge verify: %v\n%s", err, lang.T("raftsim.challenge.usage"))
		return 2
	}
	sc, at, err := solution(pos[0], lang)
	if err == nil && sc.Challenge == nil {
		err = errors.New(lang.T("raftsim.challenge.none"))
	}
	var j *lessons.Judge
	var sess *playground.Session
	if err == nil {
		var w *playground.World
		if w, err = playground.NewWorld(sc); err == nil {
			sess = playground.NewSession(w, sc.Actions)
			sess.DiscardCheckpoints()
			j, err = lessons.NewJudge(sc, sess)
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "raftsim: %s: %s\n", shorten(pos[0]), i18n.ErrorIn(err, lang))
		return 2
	}
	j.RunUntil(at)
	v := j.Verdict()
	switch {
	case v.State == view.Open:
		fmt.Fprintln(stdout, lang.T("raftsim.challenge.open", sc.Name, float64(at)/1000))
		return 1
	case v.State == view.Failed:
		fmt.Fprintln(stdout, lang.T("raftsim.challenge.failed", sc.Name, float64(v.AtMs)/1000, v.Why.In(lang)))
		return 1
	case *code != "" && !strings.EqualFold(strings.TrimSpace(*code), v.Code):
		fmt.Fprintln(stdout, lang.T("raftsim.challenge.other-code", sc.Name, float64(v.AtMs)/1000, v.Code, *code))
		return 1
	}
	fmt.Fprintln(stdout, lang.T("raftsim.challenge.passed", sc.Name, float64(v.AtMs)/1000, v.Code))
	return 0
}

// solution reads what a student handed in: a share link (its scenario
// and the moment it shows), a file holding one, or a saved session file
// (run to its end).
func solution(arg string, lang i18n.Lang) (*view.Scenario, int64, error) {
	text := arg
	if _, err := os.Stat(arg); err == nil {
		data, err := readAtMost(arg, playground.MaxScenarioBytes, lang.T("raftsim.challenge.too-large", playground.MaxScenarioBytes>>20))
		if err != nil {
			return nil, 0, err
		}
		text = strings.TrimSpace(string(data))
		if strings.HasPrefix(text, "{") {
			sc, err := playground.ParseScenario(data)
			if err != nil {
				return nil, 0, err
			}
			return sc, sc.Until, nil
		}
	}
	l, err := playground.DecodeLink(text)
	if err != nil {
		return nil, 0, err
	}
	return l.Scenario, l.AtMs, nil
}

// shorten is an argument as an error line names it: a link is cut to its
// start.
func shorten(arg string) string {
	if len(arg) > 40 {
		return arg[:37] + "..."
	}
	return arg
}

// challengeLink prints the share link of a scenario file, at its first
// moment: a teacher hands out a challenge (or any scenario) this way. A
// challenge whose own script takes an action it forbids is refused: every
// student would fail it before playing.
func challengeLink(args []string, lang i18n.Lang, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("raftsim challenge link", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	base := fs.String("base", "http://127.0.0.1:8080/", "where the browser build is served: the link's start")
	pos, err := parseInterspersed(fs, args)
	if err == nil && len(pos) != 1 {
		err = errors.New(lang.T("raftsim.challenge.one", len(pos)))
	}
	if err == nil {
		if berr := playground.CheckLinkBase(*base); berr != nil {
			err = errors.New("--base " + i18n.ErrorIn(berr, lang))
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "raftsim challenge link: %v\n%s", err, lang.T("raftsim.challenge.usage"))
		return 2
	}
	sc, err := readScenario(pos[0])
	if err == nil && sc.Challenge != nil {
		err = lessons.CheckChallenge(sc.Challenge)
	}
	if err == nil && sc.Challenge != nil {
		for i, a := range sc.Actions {
			if slices.Contains(sc.Challenge.Forbid, a.Do) {
				err = errors.New(lang.T("raftsim.challenge.scripted", i, a.Do))
				break
			}
		}
	}
	var frag string
	if err == nil {
		frag, err = playground.EncodeLink(view.Link{Scenario: sc})
	}
	if err != nil {
		fmt.Fprintf(stderr, "raftsim: %s: %s\n", pos[0], i18n.ErrorIn(err, lang))
		return 2
	}
	fmt.Fprintf(stdout, "%s#%s\n", *base, frag)
	return 0
}
