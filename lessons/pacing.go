package lessons

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/i18n"
)

// The course's pacing rules: a learner reads a step at a glance, never
// waits long for the simulation, and cannot guess a predict step's answer
// from where it stands or from its length.
const (
	// MaxNarrationWords bounds a step's main text; depth goes under
	// ### More.
	MaxNarrationWords = 60
	// MaxExplanationWords bounds a step's ### Explanation.
	MaxExplanationWords = 80
	// MaxNotesWords bounds a step's ### Notes: a teacher reads them at a
	// glance, while talking.
	MaxNotesWords = 60
	// MaxWaitSeconds bounds the wall time of a step's canonical play at
	// its playback speed.
	MaxWaitSeconds = 20.0
	// MaxAnswerShare bounds, over a course's predict steps, the share of
	// answers at any one position and the share whose answer is the
	// longest choice.
	MaxAnswerShare = 0.4
	// ReadingWordsPerMinute is the reading speed an estimate of a lesson's
	// length assumes.
	ReadingWordsPerMinute = 200
)

// Words counts words as the course's pacing tool (lessonstats.py) does:
// runs of text between white space, and one word per two CJK characters
// (rounded up), which carry no spaces.
func Words(text string) int {
	cjk := 0
	var b strings.Builder
	for _, r := range text {
		if isCJK(r) {
			cjk++
			b.WriteByte(' ')
			continue
		}
		b.WriteRune(r)
	}
	return len(strings.Fields(b.String())) + (cjk+1)/2
}

// isCJK is the tool's CJK range: the unified ideographs, extension A and
// the compatibility ideographs.
func isCJK(r rune) bool {
	return r >= 0x3400 && r <= 0x9fff || r >= 0xf900 && r <= 0xfaff
}

// ParagraphsWords counts the words of paragraphs as the tool counts their
// Markdown: a bulleted item's "-" is a word too. CJK characters count over
// the whole text, as the tool counts a subsection.
func ParagraphsWords(ps []doc.Paragraph) int {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Text()
		if p.Bullet {
			lines[i] = "- " + lines[i]
		}
	}
	return Words(strings.Join(lines, "\n"))
}

// StepPace is one step's pacing figures.
type StepPace struct {
	// Step counts from 1.
	Step  int
	Title string
	Kind  doc.Kind
	// Narration and Explanation are the words of the main text and of the
	// ### Explanation (### More is not counted); Reading adds the question
	// and the choices: all a learner reads in the step. Notes are the
	// words of the speaker's ### Notes, which the learner does not read.
	Narration, Explanation, Reading, Notes int
	// SimMs is the simulated time of the step's canonical play (a do step's
	// from show me, which the canonical play presses at once), Speed the
	// step's playback speed; -1 when auto-play stopped before the step.
	SimMs int64
	Speed int
}

// WaitSeconds is the wall time of the step's canonical play at its speed.
func (s StepPace) WaitSeconds() float64 {
	if s.SimMs < 0 {
		return 0
	}
	return float64(s.SimMs) / float64(s.Speed)
}

// Pace is a lesson's pacing: every step's figures, from one auto-play.
type Pace struct {
	Lesson *Lesson
	Steps  []StepPace
	// Err is why auto-play stopped (the waits of the steps from there on
	// are unknown).
	Err error
}

// Pacing measures a lesson: the words of each step and, from AutoPlay, the
// wall time of each step's canonical play.
func Pacing(l *Lesson) *Pace {
	rep := AutoPlay(l)
	p := &Pace{Lesson: l, Err: rep.Err()}
	for i, st := range l.Steps {
		sp := StepPace{Step: i + 1, Title: st.Title, Kind: st.Kind, SimMs: -1, Speed: l.PlaySpeed(st),
			Narration: ParagraphsWords(st.Narration), Explanation: ParagraphsWords(st.Explanation), Notes: ParagraphsWords(st.Notes)}
		sp.Reading = sp.Narration + sp.Explanation + Words(spansText(st.Question))
		for _, c := range st.Choices {
			sp.Reading += Words(spansText(c.Text))
		}
		if i < len(rep.Steps) && rep.Steps[i].Err == nil {
			sp.SimMs = rep.Steps[i].EndMs - rep.Steps[i].StartMs
		}
		p.Steps = append(p.Steps, sp)
	}
	return p
}

// Minutes estimates how long the lesson takes: reading everything but the
// folded ### More at ReadingWordsPerMinute, plus every step's wait.
func (p *Pace) Minutes() float64 {
	words, wait := 0, 0.0
	for _, s := range p.Steps {
		words += s.Reading
		wait += s.WaitSeconds()
	}
	return float64(words)/ReadingWordsPerMinute + wait/60
}

// ProblemsIn lists, in lang, the steps that break a pacing rule, each
// naming the lesson, the step and the figure; and an auto-play that failed,
// which leaves waits unmeasured.
func (p *Pace) ProblemsIn(lang i18n.Lang) []string { return messagesIn(p.problems(), lang) }

func (p *Pace) problems() []i18n.Message {
	var out []i18n.Message
	for _, s := range p.Steps {
		if s.Narration > MaxNarrationWords {
			out = append(out, msg("lessons.pacing.narration", p.Lesson.Name, s.Step, s.Title, s.Narration, MaxNarrationWords))
		}
		if s.Explanation > MaxExplanationWords {
			out = append(out, msg("lessons.pacing.explanation", p.Lesson.Name, s.Step, s.Title, s.Explanation, MaxExplanationWords))
		}
		if s.Notes > MaxNotesWords {
			out = append(out, msg("lessons.pacing.notes", p.Lesson.Name, s.Step, s.Title, s.Notes, MaxNotesWords))
		}
		if w := s.WaitSeconds(); w > MaxWaitSeconds {
			out = append(out, msg("lessons.pacing.wait", p.Lesson.Name, s.Step, s.Title, w, s.SimMs, doc.SpeedLabel(s.Speed), MaxWaitSeconds))
		}
	}
	if p.Err != nil {
		out = append(out, msg("lessons.pacing.failed", p.Lesson.Name, p.Err))
	}
	return out
}

func messagesIn(ms []i18n.Message, lang i18n.Lang) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.In(lang))
	}
	return out
}

// Balance is where the right answers of predict steps stand: a learner
// must not be able to guess them from their position or their length.
type Balance struct {
	Predicts int
	// Positions counts the answers at each position (Positions[0]: the
	// first choice).
	Positions []int
	// LongestRight counts the steps whose answer is a longest choice (by
	// characters of its Markdown, ties included, as the tool counts).
	LongestRight int
}

// AnswerBalance counts the predict answers of lessons.
func AnswerBalance(ls ...*Lesson) Balance {
	var b Balance
	for _, l := range ls {
		for _, st := range l.Steps {
			if st.Kind != doc.Predict || st.Answer < 0 || st.Answer >= len(st.Choices) {
				continue
			}
			b.Predicts++
			for len(b.Positions) <= st.Answer {
				b.Positions = append(b.Positions, 0)
			}
			b.Positions[st.Answer]++
			lens := make([]int, len(st.Choices))
			for i, c := range st.Choices {
				lens[i] = utf8.RuneCountInString(spansMarkdown(c.Text))
			}
			if lens[st.Answer] == slices.Max(lens) {
				b.LongestRight++
			}
		}
	}
	return b
}

// ProblemsIn says, in lang, which balance rule is broken: a position
// holding more than MaxAnswerShare of the answers, or the longest choice
// right more often than that.
func (b Balance) ProblemsIn(lang i18n.Lang) []string {
	if b.Predicts == 0 {
		return nil
	}
	var out []i18n.Message
	for i, n := range b.Positions {
		if share := float64(n) / float64(b.Predicts); share > MaxAnswerShare {
			out = append(out, msg("lessons.pacing.position", i+1, n, b.Predicts, 100*share, 100*MaxAnswerShare))
		}
	}
	if share := b.LongestShare(); share > MaxAnswerShare {
		out = append(out, msg("lessons.pacing.longest", b.LongestRight, b.Predicts, 100*share, 100*MaxAnswerShare))
	}
	return messagesIn(out, lang)
}

// LongestShare is the share of predict steps whose answer is a longest
// choice.
func (b Balance) LongestShare() float64 {
	if b.Predicts == 0 {
		return 0
	}
	return float64(b.LongestRight) / float64(b.Predicts)
}
