package lessons

import (
	"strings"

	"github.com/raftlab/raftlab/playground/i18n"
)

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

// name is the style's name in error messages, in the author's language.
func (s Style) name() i18n.Message { return msg("lessons.style." + s.String()) }

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
func (p Paragraph) Text() string { return spansText(p.Spans) }

func spansText(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.Text)
	}
	return b.String()
}

// Markdown renders the paragraph back in the lesson's Markdown.
func (p Paragraph) Markdown() string {
	var b strings.Builder
	if p.Bullet {
		b.WriteString("- ")
	}
	b.WriteString(spansMarkdown(p.Spans))
	return b.String()
}

func spansMarkdown(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		t := s.Text
		if s.Style != Term {
			t = strings.NewReplacer(`\`, `\\`, "*", `\*`, "`", "\\`").Replace(t)
		}
		switch s.Style {
		case Bold:
			t = "**" + t + "**"
		case Italic:
			t = "*" + t + "*"
		case Term:
			t = "`" + t + "`"
		}
		b.WriteString(t)
	}
	return b.String()
}

// textLine is a line of the file with its number.
type textLine struct {
	n    int
	text string
}

// parseParagraphs turns lines of narration into paragraphs: blank lines
// separate paragraphs, "- " or "* " starts a bulleted item, and other lines
// join the paragraph they continue.
func parseParagraphs(lines []textLine) ([]Paragraph, error) {
	var out []Paragraph
	var cur []string
	curLine, bullet := 0, false
	flush := func() error {
		if len(cur) == 0 {
			return nil
		}
		spans, err := parseInline(strings.Join(cur, " "))
		if err != nil {
			return &lineError{curLine, wrapped(err)}
		}
		out = append(out, Paragraph{Bullet: bullet, Spans: spans})
		cur, bullet = nil, false
		return nil
	}
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		isBullet := strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ")
		switch {
		case t == "":
			if err := flush(); err != nil {
				return nil, err
			}
			continue
		case isBullet:
			if err := flush(); err != nil {
				return nil, err
			}
			bullet, t = true, strings.TrimSpace(t[2:])
		case strings.HasPrefix(t, "#"):
			return nil, &lineError{l.n, msg("lessons.markdown.heading")}
		case strings.HasPrefix(t, "```"):
			return nil, &lineError{l.n, msg("lessons.markdown.fence")}
		}
		if len(cur) == 0 {
			curLine = l.n
		}
		cur = append(cur, t)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return out, nil
}

// lineError is an error at a line, before it is given its step and file.
type lineError struct {
	line int
	msg  i18n.Message
}

func (e *lineError) Error() string { return e.msg.String() }

// parseInline parses **bold**, *italic* and `key term` spans. A backslash
// escapes the next character. Key terms must be in the Glossary (or name a
// server, S1 to S9).
func parseInline(s string) ([]Span, error) {
	var spans []Span
	var b strings.Builder
	style := Plain
	emit := func() {
		if b.Len() > 0 {
			if n := len(spans); n > 0 && spans[n-1].Style == style {
				spans[n-1].Text += b.String()
			} else {
				spans = append(spans, Span{Text: b.String(), Style: style})
			}
			b.Reset()
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			i++
			b.WriteByte(s[i])
		case c == '`':
			if style != Plain {
				return nil, errorf("lessons.markdown.term-in-style", style.name(), style.name())
			}
			end := strings.IndexByte(s[i+1:], '`')
			if end < 0 {
				return nil, errorf("lessons.markdown.unclosed-term", excerpt(s, i))
			}
			term := s[i+1 : i+1+end]
			if err := checkTerm(term); err != nil {
				return nil, err
			}
			emit()
			spans = append(spans, Span{Text: term, Style: Term})
			i += end + 1
		case c == '*' && strings.HasPrefix(s[i:], "**"):
			if style == Italic {
				return nil, errorf("lessons.markdown.bold-in-italic", excerpt(s, i))
			}
			emit()
			if style == Bold {
				style = Plain
			} else {
				if !strings.Contains(s[i+2:], "**") {
					return nil, errorf("lessons.markdown.unclosed-bold", excerpt(s, i))
				}
				style = Bold
			}
			i++
		case c == '*' && style == Italic:
			emit()
			style = Plain
		case c == '*' && style == Plain && i+1 < len(s) && s[i+1] != ' ':
			if !strings.Contains(s[i+1:], "*") {
				return nil, errorf("lessons.markdown.unclosed-italic", excerpt(s, i))
			}
			emit()
			style = Italic
		default:
			b.WriteByte(c)
		}
	}
	if style != Plain {
		return nil, errorf("lessons.markdown.unclosed", style.name(), excerpt(s, 0))
	}
	emit()
	if len(spans) == 0 {
		return nil, errorf("lessons.markdown.empty")
	}
	return spans, nil
}

// excerpt shows a little of s from i, for error messages.
func excerpt(s string, i int) string {
	s = s[i:]
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
