package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without the process: it returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
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
	case "chaos":
		return runChaos(args[1:], lang, stdout, stderr)
	case "lesson":
		return runLesson(args[1:], lang, stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "raftsim: %s\n%s", lang.T("raftsim.unknown-command", args[0]), usage)
	return 2
}
