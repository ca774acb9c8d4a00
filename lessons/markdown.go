package lessons

import (
	"strings"

	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/i18n"
)

// styleName is a style's name in error messages, in the author's
// language.
func styleName(s doc.Style) i18n.Message { return msg("lessons.style." + s.String()) }

// spansText is spans without their styles.
func spansText(spans []doc.Span) string { return doc.Paragraph{Spans: spans}.Text() }

func spansMarkdown(spans []doc.Span) string {
	var b strings.Builder
	for _, s := range spans {
		t := s.Text
		if s.Style != doc.Term {
			t = strings.NewReplacer(`\`, `\\`, "*", `\*`, "`", "\\`").Replace(t)
		}
		switch s.Style {
		case doc.Bold:
			t = "**" + t + "**"
		case doc.Italic:
			t = "*" + t + "*"
		case doc.Term:
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
func parseParagraphs(lines []textLine) ([]doc.Paragraph, error) {
	var out []doc.Paragraph
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
		out = append(out, doc.Paragraph{Bullet: bullet, Spans: spans})
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
// escapes the next character. Key terms must be in doc.Glossary (or name a
// server, S1 to S9).
func parseInline(s string) ([]doc.Span, error) {
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
		case c == '*' && p.style == doc.Italic:
			p.emit()
			p.style = doc.Plain
		case c == '*' && p.style == doc.Plain && i+1 < len(s) && s[i+1] != ' ':
			err = p.italic(i)
		default:
			p.b.WriteByte(c)
		}
		if err != nil {
			return nil, err
		}
	}
	if p.style != doc.Plain {
		return nil, errorf("lessons.markdown.unclosed", styleName(p.style), excerpt(s, 0))
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
	spans []doc.Span
	b     strings.Builder
	style doc.Style
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
		p.spans = append(p.spans, doc.Span{Text: p.b.String(), Style: p.style})
	}
	p.b.Reset()
}

// term reads the key term whose opening ` is at i, and returns the index
// of its closing one. A key term is not set in bold or italic.
func (p *inlineParser) term(i int) (int, error) {
	s := p.s
	if p.style != doc.Plain {
		return i, errorf("lessons.markdown.term-in-style", styleName(p.style), styleName(p.style))
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
	p.spans = append(p.spans, doc.Span{Text: term, Style: doc.Term})
	return i + end + 1, nil
}

// bold opens or closes bold text at the ** at i.
func (p *inlineParser) bold(i int) error {
	if p.style == doc.Italic {
		return errorf("lessons.markdown.bold-in-italic", excerpt(p.s, i))
	}
	p.emit()
	if p.style == doc.Bold {
		p.style = doc.Plain
		return nil
	}
	if !strings.Contains(p.s[i+2:], "**") {
		return errorf("lessons.markdown.unclosed-bold", excerpt(p.s, i))
	}
	p.style = doc.Bold
	return nil
}

// italic opens italic text at the * at i.
func (p *inlineParser) italic(i int) error {
	if !strings.Contains(p.s[i+1:], "*") {
		return errorf("lessons.markdown.unclosed-italic", excerpt(p.s, i))
	}
	p.emit()
	p.style = doc.Italic
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
