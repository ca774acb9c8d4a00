package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"

	_ "github.com/raftlab/raftlab/playground/etcdraft" // raftsim runs etcd's raft too (--engine etcd)
	"github.com/raftlab/raftlab/playground/i18n"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without the process: it returns the exit code. A panic
// anywhere below is a bug in RaftLab, never the input's fault: it is
// reported as an internal error, with its stack, and exit code 3, so that
// a script does not take it for bad input (Go's own exit code for a panic
// is 2).
func run(args []string, stdout, stderr io.Writer) (code int) {
	lang := i18n.English
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "raftsim: %s\n%s", lang.T("raftsim.internal-error", r), debug.Stack())
			code = 3
		}
	}()
	lang, args, err := chooseLang(args, os.Getenv, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "raftsim: %v\n", err)
		return 2
	}
	usage := lang.T("raftsim.usage")
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "run":
		return runScenario(args[1:], lang, stdout, stderr)
	case "compare":
		return runCompare(args[1:], lang, stdout, stderr)
	case "chaos":
		return runChaos(args[1:], lang, stdout, stderr)
	case "lesson":
		return runLesson(args[1:], lang, stdout, stderr)
	case "challenge":
		return runChallenge(args[1:], lang, stdout, stderr)
	case "render":
		return runRender(args[1:], lang, stdout, stderr)
	case "diagram":
		return runDiagram(args[1:], lang, stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "raftsim: %s\n%s", lang.T("raftsim.unknown-command", args[0]), usage)
	return 2
}
