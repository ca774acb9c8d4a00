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
	p := &inlineParser{s: s}
	for i := 0; i < len(s); i++ {
		var err error
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s):
			i++
			p.b.WriteByte(s[i])
		case c == '`':
			i, err = p.term(i)
		case c == '*' && strings.HasPrefix(s[i:], "**"):
			err = p.bold(i)
			i++
		case c == '*' && p.style == Italic:
			p.emit()
			p.style = Plain
		case c == '*' && p.style == Plain && i+1 < len(s) && s[i+1] != ' ':
			err = p.italic(i)
		default:
			p.b.WriteByte(c)
		}
		if err != nil {
			return nil, err
		}
	}
	if p.style != Plain {
		return nil, errorf("lessons.markdown.unclosed", p.style.name(), excerpt(s, 0))
	}
	p.emit()
	if len(p.spans) == 0 {
		return nil, errorf("lessons.markdown.empty")
	}
	return p.spans, nil
}

// inlineParser is a text being parsed into spans (see parseInline): the
// spans so far, and the text and style of the one being read.
type inlineParser struct {
	s     string
	spans []Span
	b     strings.Builder
	style Style
}

// emit ends the span being read (joining it to the one before when they
// share a style).
func (p *inlineParser) emit() {
	if p.b.Len() == 0 {
		return
	}
	if n := len(p.spans); n > 0 && p.spans[n-1].Style == p.style {
		p.spans[n-1].Text += p.b.String()
	} else {
		p.spans = append(p.spans, Span{Text: p.b.String(), Style: p.style})
	}
	p.b.Reset()
}

// term reads the key term whose opening ` is at i, and returns the index
// of its closing one. A key term is not set in bold or italic.
func (p *inlineParser) term(i int) (int, error) {
	s := p.s
	if p.style != Plain {
		return i, errorf("lessons.markdown.term-in-style", p.style.name(), p.style.name())
	}
	end := strings.IndexByte(s[i+1:], '`')
	if end < 0 {
		return i, errorf("lessons.markdown.unclosed-term", excerpt(s, i))
	}
	term := s[i+1 : i+1+end]
	if err := checkTerm(term); err != nil {
		return i, err
	}
	p.emit()
	p.spans = append(p.spans, Span{Text: term, Style: Term})
	return i + end + 1, nil
}

// bold opens or closes bold text at the ** at i.
func (p *inlineParser) bold(i int) error {
	if p.style == Italic {
		return errorf("lessons.markdown.bold-in-italic", excerpt(p.s, i))
	}
	p.emit()
	if p.style == Bold {
		p.style = Plain
		return nil
	}
	if !strings.Contains(p.s[i+2:], "**") {
		return errorf("lessons.markdown.unclosed-bold", excerpt(p.s, i))
	}
	p.style = Bold
	return nil
}

// italic opens italic text at the * at i.
func (p *inlineParser) italic(i int) error {
	if !strings.Contains(p.s[i+1:], "*") {
		return errorf("lessons.markdown.unclosed-italic", excerpt(p.s, i))
	}
	p.emit()
	p.style = Italic
	return nil
}

// excerpt shows a little of s from i, for error messages.
func excerpt(s string, i int) string {
	s = s[i:]
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
