package ui

import "strconv"

// lessonControl is one of the lesson panel's controls, the score's
// included: a press is carried out by its kind (pressLessonControl), so
// that its name, which tests and the browser's automation find it by, is
// written once (lessonSpecs) and never parsed back.
type lessonControl struct {
	kind lessonKind
	// n is the 1-based number of the lesson (lessonOpen), the step
	// (lessonStep) or the choice (lessonChoice); 0 for the other kinds.
	n int
}

// lessonKind is what a control of the lesson panel does. The score's two
// controls are kinds of it too: they sit in the panel's list of buttons,
// are laid out by its builder and pressed through it, so a type of their
// own would only add a second field to Button and a second dispatch.
type lessonKind uint8

const (
	// lessonNone: a button that is not the lesson panel's.
	lessonNone lessonKind = iota
	// The panel's own, with or without a lesson running.
	lessonClose
	lessonLeave
	lessonStay
	lessonOpen
	lessonCard
	lessonReset
	lessonResetNo
	lessonResetYes
	lessonMore
	// The running lesson's.
	lessonNextLesson
	lessonList
	lessonNext
	lessonStep
	lessonBack
	lessonFold
	lessonSkip
	lessonResume
	lessonShowMe
	lessonChoice
	// The score's, at an assessment's end.
	scoreCopy
	scoreDownload
)

// lessonSpec is a kind of control's name; a numbered kind's controls are
// named by it followed by their number (lesson-step-3).
type lessonSpec struct {
	name     string
	numbered bool
}

// lessonSpecs are the controls' names. They are stable: the browser tests
// click by them.
var lessonSpecs = [...]lessonSpec{
	lessonClose:      {"lesson-close", false},
	lessonLeave:      {"lesson-leave", false},
	lessonStay:       {"lesson-stay", false},
	lessonOpen:       {"lesson-open-", true},
	lessonCard:       {"lesson-card", false},
	lessonReset:      {"lesson-reset", false},
	lessonResetNo:    {"lesson-reset-no", false},
	lessonResetYes:   {"lesson-reset-yes", false},
	lessonMore:       {"lesson-more", false},
	lessonNextLesson: {"lesson-next-lesson", false},
	lessonList:       {"lesson-list", false},
	lessonNext:       {"lesson-next", false},
	lessonStep:       {"lesson-step-", true},
	lessonBack:       {"lesson-back", false},
	lessonFold:       {"lesson-fold", false},
	lessonSkip:       {"lesson-skip", false},
	lessonResume:     {"lesson-resume", false},
	lessonShowMe:     {"lesson-showme", false},
	lessonChoice:     {"lesson-choice-", true},
	scoreCopy:        {"score-copy", false},
	scoreDownload:    {"score-download", false},
}

// name is the control's stable name: lesson-next, lesson-step-3.
func (c lessonControl) name() string {
	sp := lessonSpecs[c.kind]
	if sp.numbered {
		return sp.name + strconv.Itoa(c.n)
	}
	return sp.name
}

// button is the control as a button with a label and a tooltip, at r.
func (c lessonControl) button(label, hint string, r Rect) Button {
	return Button{Name: c.name(), Label: label, Hint: hint, Rect: r, lesson: c}
}
