package doc

// Outcome is what happened after a predict step's question.
type Outcome struct {
	// Chosen is the learner's answer (0-based).
	Chosen int
	// Happened is the choice whose condition the run made true; -1 when
	// none did, or several (True lists them).
	Happened int
	True     []int
	// Correct is Chosen == Happened.
	Correct bool
	// Facts are the values the choices' conditions looked at.
	Facts []string
}
