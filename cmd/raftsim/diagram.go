package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/raftlab/raftlab/internal/picture"
	"github.com/raftlab/raftlab/playground/i18n"
)

// runDiagram is raftsim diagram: it writes the space-time diagram of a
// scenario's run from --from to --to as SVG, drawn from the run's trace.
// Exit 0 when the file is written, 2 for bad flags, a bad scenario or a
// file that cannot be written, each said in one line.
func runDiagram(args []string, lang i18n.Lang, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("raftsim diagram", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	svgOut := fs.String("svg", "", "write the diagram to this file")
	from := fs.String("from", "0", "the start of the time range")
	to := fs.String("to", "", "the end of the time range (default: the scenario's end)")
	light := fs.Bool("light", false, "draw with the light theme, on white")
	pos, err := parseInterspersed(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, lang.T("raftsim.diagram.usage"))
		return 0
	case err != nil:
	case len(pos) != 1:
		err = errors.New(lang.T("raftsim.diagram.one-scenario", len(pos)))
	case *svgOut == "":
		err = errors.New(lang.T("raftsim.diagram.svg"))
	}
	if err != nil {
		fmt.Fprintf(stderr, "raftsim diagram: %v\n", err)
		return 2
	}
	sc, err := renderScenario(pos[0])
	if err != nil {
		fmt.Fprintf(stderr, "raftsim diagram: %s: %s\n", pos[0], i18n.ErrorIn(err, lang))
		return 2
	}
	job := renderJob{sc: sc, light: *light, lang: lang}
	err = job.parse("", *from, *to, "800x500", lang)
	if err == nil {
		err = picture.CheckRange(job.from, job.to)
	}
	var n int64
	if err == nil {
		n, err = job.writeFile(*svgOut, job.diagram)
	}
	if err != nil {
		fmt.Fprintf(stderr, "raftsim diagram: %s\n", i18n.ErrorIn(err, lang))
		return 2
	}
	fmt.Fprintln(stdout, lang.T("raftsim.render.wrote", *svgOut, n))
	return 0
}

func (j *renderJob) diagram(out io.Writer, r picture.Run) error {
	return picture.Diagram(out, r, j.from, j.to, j.style())
}
