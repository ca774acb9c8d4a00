package doc

import (
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"

	"github.com/raftlab/raftlab/internal/sha256"
	"github.com/raftlab/raftlab/playground/i18n"
)

// Score is a learner's score in an assessment: for every step with a
// topic, whether their first attempt succeeded. A predict step scores when
// the first answer was the right one; a do step when the goal was reached
// without "show me". What happens after the first attempt (answering again
// after a restart, say) does not change it.
type Score struct {
	lesson *Lesson
	// Attempt is which attempt at the lesson this is (0: not counted), so
	// that a result shows a retake.
	Attempt int
	// marks holds, for each step, 0 while it is not decided, 1 when it
	// scored and -1 when it did not.
	marks []int8
}

// NewScore starts a lesson's score with nothing decided.
func NewScore(l *Lesson) *Score {
	return &Score{lesson: l, marks: make([]int8, len(l.Steps))}
}

// Observe decides the play's step the first time its outcome is known: a
// predict step once answered (the declared answer is the right one, which
// AutoPlay checks against the run); a do step when show me is pressed (no
// score) or, before that, when the goal is reached. A step without a topic,
// or of another lesson, is not scored.
func (s *Score) Observe(p Play) {
	st := p.Step()
	if st.Topic == "" || st.Index >= len(s.marks) || s.lesson.Steps[st.Index] != st || s.marks[st.Index] != 0 {
		return
	}
	mark := func(ok bool) {
		s.marks[st.Index] = -1
		if ok {
			s.marks[st.Index] = 1
		}
	}
	switch st.Kind {
	case Predict:
		if ans, ok := p.Answered(); ok {
			mark(ans == st.Answer)
		}
	case Do:
		switch {
		case p.ShownMe():
			mark(false)
		case p.Done():
			mark(true)
		}
	}
}

// TopicScore is the score of one topic (or of all): Got of Of steps.
type TopicScore struct {
	Topic   string
	Got, Of int
}

// Topics are the scores per topic, in the order the lesson first tests
// them; steps not yet decided count as not scored.
func (s *Score) Topics() []TopicScore {
	var out []TopicScore
	for i, st := range s.lesson.Steps {
		if st.Topic == "" {
			continue
		}
		k := len(out)
		for j, t := range out {
			if t.Topic == st.Topic {
				k = j
			}
		}
		if k == len(out) {
			out = append(out, TopicScore{Topic: st.Topic})
		}
		out[k].Of++
		if s.marks[i] > 0 {
			out[k].Got++
		}
	}
	return out
}

// Total is the score over every topic.
func (s *Score) Total() TopicScore {
	t := TopicScore{Topic: "Total"}
	for _, ts := range s.Topics() {
		t.Got += ts.Got
		t.Of += ts.Of
	}
	return t
}

// Result is the score as short plain text a teacher can collect: the
// lesson, the date when given (the views pass it; tests leave it out), the
// attempt when counted, a line per topic, the total and a check code over
// the lines above it,
// which VerifyResult recomputes. The code shows a hand edit; it is no
// signature (anyone with this source can compute it).
func (s *Score) Result(date string) string {
	lines := []string{"RaftLab result", "Lesson: " + s.lesson.Title}
	if date != "" {
		lines = append(lines, "Date: "+date)
	}
	if s.Attempt > 0 {
		lines = append(lines, fmt.Sprintf("Attempt: %d", s.Attempt))
	}
	for _, t := range s.Topics() {
		lines = append(lines, fmt.Sprintf("%s %d/%d", t.Topic, t.Got, t.Of))
	}
	t := s.Total()
	lines = append(lines, fmt.Sprintf("Total %d/%d", t.Got, t.Of))
	return strings.Join(lines, "\n") + "\nCheck: " + checkCode(lines) + "\n"
}

// checkCode is the first 8 hex digits of a SHA-256 over the lines.
func checkCode(lines []string) string {
	sum := sha256.Sum256([]byte("raftlab result v1\n" + strings.Join(lines, "\n")))
	h := hex.EncodeToString(sum[:4])
	return h[:4] + "-" + h[4:]
}

// ResultDoc is a result text read back.
type ResultDoc struct {
	Lesson, Date string
	// Attempt is 0 when the result does not say.
	Attempt int
	Topics  []TopicScore
	Total   TopicScore
}

// VerifyResult reads a result text and checks it was not edited: its check
// code matches its lines, and the total adds up. Blank lines, spaces at
// either end of a line and Windows line ends (an editor or a mail program
// may add them) do not matter.
func VerifyResult(text string) (*ResultDoc, error) {
	var lines []string
	for _, l := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) < 4 || lines[0] != "RaftLab result" {
		return nil, i18n.Errorf("lessons.result.not-result")
	}
	code, ok := strings.CutPrefix(lines[len(lines)-1], "Check: ")
	if !ok {
		return nil, i18n.Errorf("lessons.result.no-check", lines[len(lines)-1])
	}
	body := lines[:len(lines)-1]
	if want := checkCode(body); code != want {
		return nil, i18n.Errorf("lessons.result.edited", code)
	}
	d := &ResultDoc{}
	if d.Lesson, ok = strings.CutPrefix(body[1], "Lesson: "); !ok {
		return nil, i18n.Errorf("lessons.result.no-lesson", body[1])
	}
	rest := body[2:]
	if date, ok := cutFirst(rest, "Date: "); ok {
		d.Date, rest = date, rest[1:]
	}
	if a, ok := cutFirst(rest, "Attempt: "); ok {
		n, err := strconv.Atoi(a)
		if err != nil || n < 1 {
			return nil, i18n.Errorf("lessons.result.attempt", rest[0])
		}
		d.Attempt, rest = n, rest[1:]
	}
	if len(rest) == 0 {
		return nil, i18n.Errorf("lessons.result.no-total")
	}
	var sum TopicScore
	for i, l := range rest {
		t, err := parseTopicScore(l)
		if err != nil {
			return nil, err
		}
		if i == len(rest)-1 {
			if t.Topic != "Total" {
				return nil, i18n.Errorf("lessons.result.total-last", l)
			}
			if t.Got != sum.Got || t.Of != sum.Of {
				return nil, i18n.Errorf("lessons.result.sum", t.Got, t.Of, sum.Got, sum.Of)
			}
			d.Total = t
			break
		}
		sum.Got += t.Got
		sum.Of += t.Of
		d.Topics = append(d.Topics, t)
	}
	return d, nil
}

// parseTopicScore reads a line "elections 3/4".
func parseTopicScore(l string) (TopicScore, error) {
	i := strings.LastIndexByte(l, ' ')
	got, of, ok := strings.Cut(l[i+1:], "/")
	g, err1 := strconv.Atoi(got)
	o, err2 := strconv.Atoi(of)
	if i <= 0 || !ok || err1 != nil || err2 != nil || g < 0 || g > o {
		return TopicScore{}, i18n.Errorf("lessons.result.score", l)
	}
	return TopicScore{Topic: l[:i], Got: g, Of: o}, nil
}

// cutFirst is the first line's text after prefix, if it has the prefix.
func cutFirst(lines []string, prefix string) (string, bool) {
	if len(lines) == 0 {
		return "", false
	}
	return strings.CutPrefix(lines[0], prefix)
}
