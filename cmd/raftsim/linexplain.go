package main

import (
	"fmt"
	"io"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// printLinExplanation writes why a history is not linearizable: the
// key's calls that cannot be ordered, one a line, then the sentence.
// Nothing when e explains no failure.
func printLinExplanation(w io.Writer, e view.LinExplanation, lang i18n.Lang) {
	if !e.Illegal() {
		return
	}
	fmt.Fprintf(w, "  %s\n", lang.T("lin.heading", e.Key))
	for _, o := range e.Ops {
		if o.Core {
			fmt.Fprintf(w, "    %s\n", o.Line(lang))
		}
	}
	fmt.Fprintf(w, "  %s\n", e.Why.In(lang))
}
