package lessons

// Limits on what a lesson file may hold, far above what any lesson needs
// (the longest bundled lesson is 16 KB, its longest condition under 100
// characters, nested 3 deep), so that a damaged or hostile file is refused
// with the limit named instead of exhausting memory or the stack.
const (
	// MaxFileBytes is the largest lesson file Parse accepts.
	MaxFileBytes = 1 << 20
	// maxConditionBytes is the longest condition (until:, goal:, ...).
	maxConditionBytes = 2000
	// maxNesting is how deep parentheses and not may nest in a condition.
	maxNesting = 32
)
