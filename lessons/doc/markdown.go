package doc

import "strings"

// Style is how a span of narration is set.
type Style uint8

const (
	Plain Style = iota
	// Bold is **emphasis**.
	Bold
	// Italic is *a softer emphasis*.
	Italic
	// Term is a `key term`: a word that matches a label on screen. Views
	// can set it apart and explain it with Glossary.
	Term
)

func (s Style) String() string {
	return [...]string{"plain", "bold", "italic", "term"}[s]
}

// Span is a run of text in one style.
type Span struct {
	Text  string
	Style Style
}

// Paragraph is a paragraph of narration, or one item of a bulleted list.
type Paragraph struct {
	Bullet bool
	Spans  []Span
}

// Text is the paragraph without its styles.
func (p Paragraph) Text() string {
	var b strings.Builder
	for _, s := range p.Spans {
		b.WriteString(s.Text)
	}
	return b.String()
}
