package i18n

// enDiagram: the space-time diagram (the app's panel, its SVG, raftsim
// diagram).
var enDiagram = messages{
	// %s is a time in seconds (1.5), on the diagram's axis.
	{"diagram.seconds", "%s s"},
	{"diagram.title", "Space-time diagram"},
	// %s is a time in seconds: the trace kept starts there.
	{"diagram.unknown", "no trace kept before %s s"},
	{"diagram.legend", "◆ became candidate (term)   ● became leader (term)   | commit index advanced   × lost message or crash   ▲ restart   ■ membership change"},
	// %s is the RPC (AppendEntries), then its sender and receiver (S1, S2),
	// %d its term, then the times in seconds it was sent and it arrived.
	{"diagram.arrow.arrived", "%s from %s to %s, term %d: sent at %s s, arrived at %s s"},
	{"diagram.arrow.lost", "%s from %s to %s, term %d: sent at %s s, lost at %s s"},
	{"diagram.arrow.due", "%s from %s to %s, term %d: sent at %s s, due at %s s"},
	// Added to an arrow's sentence.
	{"diagram.arrow.duplicate", " (a duplicate made by the network)"},

	// The app's panel and its control.
	{"diagram.button", "Diagram"},
	{"diagram.tip", "Show the space-time diagram (D). Click a message to select it and jump there. Wheel or [ ] zooms."},
	// %d ms is how much of the run the panel shows.
	{"diagram.span", "%d ms"},
	// %s is the arrow's sentence.
	{"diagram.selected", "selected: %s"},
	{"diagram.none", "No message between servers in this stretch."},
	{"save.menu.diagram", "Diagram (SVG)"},

	{"raftsim.diagram.usage", `usage:
  raftsim diagram SCENARIO --svg OUT.svg [--from T] [--to T] [--light]
SCENARIO is a scenario file or the name of a bundled scenario. A time T is
in milliseconds (1500) or with a unit (1.5s); --to is the scenario's end by
default, at most 60 s after --from.
`},
	{"raftsim.diagram.one-scenario", "name one scenario (got %d)"},
	{"raftsim.diagram.svg", "name the output: --svg OUT.svg"},
}
