package doc

// Kind is what a step asks of the learner.
type Kind string

const (
	// Watch plays until a condition holds; then the learner continues.
	Watch Kind = "watch"
	// Do waits for the learner to act until the goal holds.
	Do Kind = "do"
	// Predict asks a question before the simulation goes on, then shows
	// what happened.
	Predict Kind = "predict"
)
