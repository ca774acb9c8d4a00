package lessons

import (
	"slices"
	"strings"

	"github.com/raftlab/raftlab/lessons/doc"
)

// checkTerm accepts a glossary term or a server's name (S1 to S9).
func checkTerm(term string) error {
	if len(term) == 2 && term[0] == 'S' && term[1] >= '1' && term[1] <= '9' {
		return nil
	}
	if _, ok := doc.Lookup(term); ok {
		return nil
	}
	var names []string
	for _, e := range doc.Glossary {
		names = append(names, e.Term)
	}
	if s := suggest(term, names); s != "" {
		return errorf("lessons.term.unknown.suggest", term, s, strings.Join(names, ", "))
	}
	return errorf("lessons.term.unknown", term, strings.Join(names, ", "))
}

// suggest returns the candidate closest to s, if it is close enough to be
// a likely misspelling.
func suggest(s string, candidates []string) string {
	best, bestD := "", 1<<30
	ls := strings.ToLower(s)
	for _, c := range candidates {
		d := editDistance(ls, strings.ToLower(c))
		if d < bestD {
			best, bestD = c, d
		}
	}
	if bestD <= max(2, len(s)/4) {
		return best
	}
	return ""
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = slices.Min([]int{prev[j] + 1, cur[j-1] + 1, prev[j-1] + cost})
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
