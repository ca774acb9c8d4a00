package view

// Search looks for a run of a cluster that breaks safety or
// linearizability, then shrinks the run it found (the playground's
// Search, which raftsim chaos also drives). It is a stepper: the app calls
// Step a few milliseconds each frame, shows Progress, and may Stop it.
type Search interface {
	// Step does the next small slice of the search.
	Step()
	// Done reports whether the search has ended: found and shrunk,
	// found nothing in its budget, or stopped.
	Done() bool
	// Stop ends the search; Result keeps what it found so far.
	Stop()
	Progress() SearchProgress
	Result() SearchFound
}

// SearchProgress is how far a search has gone.
type SearchProgress struct {
	// Runs of Budget runs are done; Failed of them failed.
	Runs, Budget, Failed int
	// Minimizing is set while a failure is shrunk. Tries counts the
	// replays of every shrinking so far, Steps the steps of the smallest
	// failing run yet.
	Minimizing   bool
	Tries, Steps int
}

// SearchFound is what a search found (so far, if it is not done).
type SearchFound struct {
	// Found is set when a run failed; Runs counts the runs made.
	Found bool
	Runs  int
	// Scenario is the failing run, shrunk as far as the search got; it
	// breaks Property at AtMs, or, when Property is "", its history is not
	// linearizable.
	Scenario *Scenario
	Property string
	AtMs     int64
	// Steps are Scenario's steps, a line each, as its file writes them.
	Steps []string
	// Stopped is set when Stop ended the search.
	Stopped bool
}
