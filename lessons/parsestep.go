package lessons

import (
	"errors"
	"slices"
	"strings"

	"github.com/raftlab/raftlab/lessons/doc"
)

// A step's section is read in this order, each part by its own function:
// the header of key: value lines (readHeader), the narration and its
// ### subsections (parseTexts), then the header's keys and fields (in
// stepfields.go): which keys the step's kind takes (checkKeys), the setup
// (parseSetups), show me (parseShowMe), every other field (parseField),
// and what the kind requires (checkNeeds). The first problem found is the
// error.

// stepParser is one step being parsed: the step so far and what its parts
// need to name their errors and check the servers they name.
type stepParser struct {
	l    *Lesson
	st   *Step
	head textLine
	// ids are the servers the step may name: those the steps before it
	// left, then those its setup and show me add.
	ids servers
	// seen is the line each header key is first given on (0: not given).
	seen map[string]int
}

// fail is an error in the step, at line, in field ("" for none).
func (p *stepParser) fail(line int, field, key string, args ...any) error {
	return &Error{File: p.l.File, Line: line, Step: p.st.Index + 1, Title: p.st.Title, Field: field, Msg: msg(key, args...)}
}

// parseStep parses one step, which goes on with the cluster prev, the step
// before, left: its size, the servers it may name and its read mode (none
// before the first fresh setup).
func (l *Lesson) parseStep(index int, head textLine, lines []textLine, prev *Step) (*Step, error) {
	st := &Step{Step: doc.Step{Index: index, Title: strings.TrimSpace(strings.TrimPrefix(head.text, "##")), Within: DefaultWithinMs, Answer: -1},
		Line: head.n, Nodes: prev.Nodes, readMode: prev.readMode, HintAfter: DefaultHintAfter}
	p := &stepParser{l: l, st: st, head: head, ids: prev.servers}
	if st.Title == "" {
		return nil, p.fail(head.n, "", "lessons.parse.step.no-title")
	}
	header, body, err := p.readHeader(lines)
	if err != nil {
		return nil, err
	}
	if err := p.parseTexts(body); err != nil {
		return nil, err
	}
	if err := p.checkKeys(header); err != nil {
		return nil, err
	}
	fields := header[1:] // after kind
	if err := p.parseSetups(fields); err != nil {
		return nil, err
	}
	// Show me next: the servers it adds may be named by the step's
	// conditions and highlights.
	if err := p.parseShowMe(fields); err != nil {
		return nil, err
	}
	st.servers = p.ids
	for _, h := range fields {
		if err := p.parseField(h); err != nil {
			return nil, err
		}
	}
	if err := p.checkNeeds(); err != nil {
		return nil, err
	}
	return st, nil
}

// headerEntry is one key: value of a step's header.
type headerEntry struct {
	key, value string
	line       int
}

// readHeader reads the step's header: key: value lines (after any blank
// lines under the heading) up to the first blank line. It returns the
// header and the lines after it.
func (p *stepParser) readHeader(lines []textLine) ([]headerEntry, []textLine, error) {
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i].text) == "" {
		i++
	}
	var header []headerEntry
	for ; i < len(lines) && strings.TrimSpace(lines[i].text) != ""; i++ {
		h, last, err := p.readEntry(lines, i, len(header) == 0)
		if err != nil {
			return nil, nil, err
		}
		header = append(header, h)
		i = last
	}
	if len(header) == 0 {
		return nil, nil, p.fail(p.head.n, "kind", "lessons.parse.step.no-kind")
	}
	return header, lines[i:], nil
}

// readEntry reads the header entry on lines[i] (first: the header's first
// line); last is the entry's last line, the closing fence of a block.
func (p *stepParser) readEntry(lines []textLine, i int, first bool) (h headerEntry, last int, err error) {
	ln := lines[i]
	if isFence(ln.text) {
		return h, 0, p.fail(ln.n, "", "lessons.parse.step.stray-fence")
	}
	key, value, ok := cutKey(ln.text)
	switch {
	case !ok && first:
		return h, 0, p.fail(ln.n, "kind", "lessons.parse.step.no-header")
	case !ok:
		return h, 0, p.fail(ln.n, "", "lessons.parse.step.not-key", ln.text)
	case !slices.Contains(stepKeys, key):
		if s := suggest(key, stepKeys); s != "" {
			return h, 0, p.fail(ln.n, key, "lessons.parse.step.unknown-key.suggest", key, s, strings.Join(stepKeys, ", "))
		}
		return h, 0, p.fail(ln.n, key, "lessons.parse.step.unknown-key", key, strings.Join(stepKeys, ", "))
	}
	last = i
	if value == "" && (key == "setup" || key == "showme") {
		if value, last, err = p.readBlock(lines, i, key); err != nil {
			return h, 0, err
		}
	}
	if value == "" {
		return h, 0, p.fail(ln.n, key, "lessons.parse.step.empty")
	}
	return headerEntry{key, value, ln.n}, last, nil
}

// readBlock reads the fenced block that gives the value of key (setup or
// showme, written with no value on lines[i]); last is the line of its
// closing fence.
func (p *stepParser) readBlock(lines []textLine, i int, key string) (value string, last int, err error) {
	if i+1 >= len(lines) || !isFence(lines[i+1].text) {
		return "", 0, p.fail(lines[i].n, key, "lessons.parse.step.no-block")
	}
	var block []string
	j := i + 2
	for ; j < len(lines) && !isFence(lines[j].text); j++ {
		block = append(block, lines[j].text)
	}
	if j >= len(lines) {
		return "", 0, p.fail(lines[i+1].n, key, "lessons.parse.step.block-open")
	}
	return strings.Join(block, "\n"), j, nil
}

// parseTexts parses what follows the header: the narration (required),
// then the subsections ### Explanation, ### More and ### Notes.
func (p *stepParser) parseTexts(body []textLine) error {
	narration, subs, err := p.splitSubsections(body)
	if err != nil {
		return err
	}
	st := p.st
	if st.Narration, err = p.paragraphs(narration, "narration"); err != nil {
		return err
	}
	if len(st.Narration) == 0 {
		return p.fail(p.head.n, "narration", "lessons.parse.step.no-narration")
	}
	if st.Explanation, err = p.paragraphs(subs["explanation"], "explanation"); err != nil {
		return err
	}
	if st.More, err = p.paragraphs(subs["more"], "more"); err != nil {
		return err
	}
	if m, ok := subs["more"]; ok && len(st.More) == 0 {
		return p.fail(m0(m, p.head.n), "more", "lessons.parse.step.more-empty")
	}
	if st.Notes, err = p.paragraphs(subs["notes"], "notes"); err != nil {
		return err
	}
	if m, ok := subs["notes"]; ok && len(st.Notes) == 0 {
		return p.fail(m0(m, p.head.n), "notes", "lessons.parse.step.notes-empty")
	}
	return nil
}

// subsections are the names of a step's subsections, in lower case.
var subsections = []string{"explanation", "more", "notes"}

// splitSubsections splits the text after the header into the narration
// and the subsections, by lower-case name: ### Explanation, ### More and
// ### Notes, each at most once, in any order.
func (p *stepParser) splitSubsections(body []textLine) (narration []textLine, subs map[string][]textLine, err error) {
	isHeading := func(t textLine) bool { return strings.HasPrefix(t.text, "###") }
	subs = map[string][]textLine{}
	split := slices.IndexFunc(body, isHeading)
	if split < 0 {
		return body, subs, nil
	}
	for rest := body[split:]; len(rest) > 0; {
		h := rest[0]
		name := strings.TrimSpace(strings.TrimLeft(h.text, "#"))
		key := strings.ToLower(name)
		if !strings.HasPrefix(h.text, "### ") || !slices.Contains(subsections, key) {
			return nil, nil, p.fail(h.n, "", "lessons.parse.step.bad-subsection", h.text)
		}
		if _, twice := subs[key]; twice {
			return nil, nil, p.fail(h.n, "", "lessons.parse.step.subsection-twice", name)
		}
		end := slices.IndexFunc(rest[1:], isHeading) + 1
		if end == 0 {
			end = len(rest)
		}
		subs[key] = rest[1:end]
		rest = rest[end:]
	}
	return body[:split], subs, nil
}

// paragraphs parses one of the step's texts; field names it in errors.
func (p *stepParser) paragraphs(lines []textLine, field string) ([]doc.Paragraph, error) {
	ps, err := parseParagraphs(lines)
	var le *lineError
	if errors.As(err, &le) {
		return nil, p.fail(le.line, field, "lessons.text", le.msg)
	}
	return ps, err
}

// m0 is the line of the first of lines, or def when there are none.
func m0(lines []textLine, def int) int {
	if len(lines) > 0 {
		return lines[0].n
	}
	return def
}
