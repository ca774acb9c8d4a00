package lessons

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/raftlab/raftlab/playground/i18n"
)

// Parse parses a lesson file. file names it in errors; its base name
// without .md becomes the lesson's Name. Every error is an *Error naming
// the file, the line and, inside a step, the step and the field.
func Parse(file string, data []byte) (*Lesson, error) {
	l := &Lesson{File: file, Name: strings.TrimSuffix(filepath.Base(file), ".md"), Lang: langOf(file)}
	fail := func(line int, field string, m i18n.Message) error {
		return &Error{File: file, Line: line, Field: field, Msg: m}
	}
	if len(data) > MaxFileBytes {
		return nil, fail(0, "", msg("lessons.parse.too-big", len(data), MaxFileBytes))
	}
	if !utf8.Valid(data) {
		return nil, fail(0, "", msg("lessons.parse.not-utf8"))
	}
	text := strings.TrimPrefix(string(data), "\ufeff")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var lines []textLine
	for i, s := range strings.Split(text, "\n") {
		lines = append(lines, textLine{n: i + 1, text: strings.TrimRight(s, " \t\r")})
	}

	// The front matter.
	if len(lines) == 0 || lines[0].text != "---" {
		return nil, fail(1, "", msg("lessons.parse.no-front-matter"))
	}
	end := slices.IndexFunc(lines[1:], func(t textLine) bool { return t.text == "---" })
	if end < 0 {
		return nil, fail(1, "", msg("lessons.parse.front-matter-open"))
	}
	end++
	if err := l.parseFrontMatter(lines[1:end]); err != nil {
		return nil, err
	}

	// Split the body into the intro and the steps (## headings outside
	// fenced blocks).
	type section struct {
		head  textLine
		lines []textLine
	}
	var intro []textLine
	var sections []section
	fenced, titled := false, false
	for _, ln := range lines[end+1:] {
		t := strings.TrimSpace(ln.text)
		if strings.HasPrefix(t, "```") {
			fenced = !fenced
		}
		switch {
		case !fenced && (strings.HasPrefix(ln.text, "## ") || ln.text == "##"):
			sections = append(sections, section{head: ln})
		case len(sections) > 0:
			sections[len(sections)-1].lines = append(sections[len(sections)-1].lines, ln)
		case !fenced && strings.HasPrefix(ln.text, "# ") && !titled && !slices.ContainsFunc(intro, func(t textLine) bool { return t.text != "" }):
			titled = true
			// The lesson's title, for readers of the file; the front
			// matter's is the one that counts.
		default:
			intro = append(intro, ln)
		}
	}
	var err error
	if l.Intro, err = parseParagraphs(intro); err != nil {
		le := err.(*lineError)
		return nil, fail(le.line, "", le.msg)
	}
	if len(sections) == 0 {
		return nil, fail(end+1, "", msg("lessons.parse.no-steps"))
	}
	nodes, ids := 0, servers(0)
	for i, s := range sections {
		st, err := l.parseStep(i, s.head, s.lines, nodes, ids)
		if err != nil {
			return nil, err
		}
		nodes, ids = st.Nodes, st.servers
		l.Steps = append(l.Steps, st)
	}
	if err := l.markTerms(); err != nil {
		return nil, err
	}
	return l, nil
}

var frontMatterKeys = []string{"title", "number", "summary", "minutes", "speed", "allowViolations"}

func (l *Lesson) parseFrontMatter(lines []textLine) error {
	seen := map[string]bool{}
	for _, ln := range lines {
		if strings.TrimSpace(ln.text) == "" {
			continue
		}
		key, value, ok := cutKey(ln.text)
		fail := func(mkey string, args ...any) error {
			return &Error{File: l.File, Line: ln.n, Field: key, Msg: msg(mkey, args...)}
		}
		if !ok {
			key = ""
			return fail("lessons.parse.front-matter.not-key", ln.text)
		}
		if !slices.Contains(frontMatterKeys, key) {
			if s := suggest(key, frontMatterKeys); s != "" {
				return fail("lessons.parse.front-matter.unknown-key.suggest", key, s, strings.Join(frontMatterKeys, ", "))
			}
			return fail("lessons.parse.front-matter.unknown-key", key, strings.Join(frontMatterKeys, ", "))
		}
		if seen[key] {
			return fail("lessons.parse.given-twice")
		}
		seen[key] = true
		switch key {
		case "title":
			l.Title = value
		case "summary":
			l.Summary = value
		case "number", "minutes":
			n, err := strconv.Atoi(value)
			if err != nil || n < 1 || n > 999 {
				return fail("lessons.parse.front-matter.number", value)
			}
			if key == "number" {
				l.Number = n
			} else {
				l.Minutes = n
			}
		case "speed":
			v, err := parseSpeed(value)
			if err != nil {
				return fail("lessons.text", err)
			}
			l.Speed = v
		case "allowViolations":
			b, err := strconv.ParseBool(value)
			if err != nil {
				return fail("lessons.parse.front-matter.bool", value)
			}
			l.AllowViolations = b
		}
	}
	if strings.TrimSpace(l.Title) == "" {
		return &Error{File: l.File, Line: 1, Field: "title", Msg: msg("lessons.parse.front-matter.no-title")}
	}
	return nil
}

// cutKey splits "key: value", where key is a word.
func cutKey(s string) (key, value string, ok bool) {
	key, value, ok = strings.Cut(s, ":")
	if !ok || key == "" {
		return "", "", false
	}
	for _, c := range key {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return "", "", false
		}
	}
	return key, strings.TrimSpace(value), true
}

// headerEntry is one key: value of a step's header.
type headerEntry struct {
	key, value string
	line       int
}

var stepKeys = []string{"kind", "setup", "until", "goal", "within", "settle", "speed", "topic", "hint", "hintAfter", "showme", "highlight", "question", "choice", "when", "answer"}

// Which keys each kind takes, besides kind, setup and highlight.
var kindKeys = map[Kind][]string{
	Watch:   {"until", "within", "settle"},
	Do:      {"goal", "within", "settle", "hint", "hintAfter", "showme"},
	Predict: {"until", "within", "settle", "question", "choice", "when", "answer"},
}

var repeatable = []string{"hint", "highlight", "choice", "when"}

// parseStep parses one step; nodes is the cluster's size so far and ids the
// servers the lesson may name so far (0 and none before the first fresh
// setup).
func (l *Lesson) parseStep(index int, head textLine, lines []textLine, nodes int, ids servers) (*Step, error) {
	st := &Step{Index: index, Title: strings.TrimSpace(strings.TrimPrefix(head.text, "##")), Line: head.n,
		Within: DefaultWithinMs, HintAfter: DefaultHintAfter, Answer: -1}
	fail := func(line int, field, key string, args ...any) error {
		return &Error{File: l.File, Line: line, Step: index + 1, Title: st.Title, Field: field, Msg: msg(key, args...)}
	}
	if st.Title == "" {
		return nil, fail(head.n, "", "lessons.parse.step.no-title")
	}

	// The header: key: value lines up to the first blank line; setup and
	// showme may take a fenced block on the lines that follow.
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i].text) == "" {
		i++
	}
	var header []headerEntry
	for ; i < len(lines) && strings.TrimSpace(lines[i].text) != ""; i++ {
		ln := lines[i]
		if strings.HasPrefix(strings.TrimSpace(ln.text), "```") {
			return nil, fail(ln.n, "", "lessons.parse.step.stray-fence")
		}
		key, value, ok := cutKey(ln.text)
		if !ok {
			if len(header) == 0 {
				return nil, fail(ln.n, "kind", "lessons.parse.step.no-header")
			}
			return nil, fail(ln.n, "", "lessons.parse.step.not-key", ln.text)
		}
		if !slices.Contains(stepKeys, key) {
			if s := suggest(key, stepKeys); s != "" {
				return nil, fail(ln.n, key, "lessons.parse.step.unknown-key.suggest", key, s, strings.Join(stepKeys, ", "))
			}
			return nil, fail(ln.n, key, "lessons.parse.step.unknown-key", key, strings.Join(stepKeys, ", "))
		}
		if value == "" && (key == "setup" || key == "showme") {
			if i+1 >= len(lines) || !strings.HasPrefix(strings.TrimSpace(lines[i+1].text), "```") {
				return nil, fail(ln.n, key, "lessons.parse.step.no-block")
			}
			var block []string
			j := i + 2
			for ; j < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[j].text), "```"); j++ {
				block = append(block, lines[j].text)
			}
			if j >= len(lines) {
				return nil, fail(lines[i+1].n, key, "lessons.parse.step.block-open")
			}
			value = strings.Join(block, "\n")
			i = j
		}
		if value == "" {
			return nil, fail(ln.n, key, "lessons.parse.step.empty")
		}
		header = append(header, headerEntry{key, value, ln.n})
	}
	if len(header) == 0 {
		return nil, fail(head.n, "kind", "lessons.parse.step.no-kind")
	}

	// The narration, then the subsections: ### Explanation and ### More,
	// each at most once, in either order.
	body := lines[i:]
	subs := map[string][]textLine{}
	split := slices.IndexFunc(body, func(t textLine) bool { return strings.HasPrefix(t.text, "###") })
	if split >= 0 {
		rest := body[split:]
		body = body[:split]
		for len(rest) > 0 {
			h := rest[0]
			name := strings.TrimSpace(strings.TrimLeft(h.text, "#"))
			key := strings.ToLower(name)
			if !strings.HasPrefix(h.text, "### ") || (key != "explanation" && key != "more") {
				return nil, fail(h.n, "", "lessons.parse.step.bad-subsection", h.text)
			}
			if _, twice := subs[key]; twice {
				return nil, fail(h.n, "", "lessons.parse.step.subsection-twice", name)
			}
			end := slices.IndexFunc(rest[1:], func(t textLine) bool { return strings.HasPrefix(t.text, "###") }) + 1
			if end == 0 {
				end = len(rest)
			}
			subs[key] = rest[1:end]
			rest = rest[end:]
		}
	}
	var err error
	if st.Narration, err = parseParagraphs(body); err != nil {
		le := err.(*lineError)
		return nil, fail(le.line, "narration", "lessons.text", le.msg)
	}
	if len(st.Narration) == 0 {
		return nil, fail(head.n, "narration", "lessons.parse.step.no-narration")
	}
	if st.Explanation, err = parseParagraphs(subs["explanation"]); err != nil {
		le := err.(*lineError)
		return nil, fail(le.line, "explanation", "lessons.text", le.msg)
	}
	if st.More, err = parseParagraphs(subs["more"]); err != nil {
		le := err.(*lineError)
		return nil, fail(le.line, "more", "lessons.text", le.msg)
	}
	if m, ok := subs["more"]; ok && len(st.More) == 0 {
		return nil, fail(m0(m, head.n), "more", "lessons.parse.step.more-empty")
	}

	// The header's fields.
	seen := map[string]int{}
	for _, h := range header {
		if seen[h.key] > 0 && !slices.Contains(repeatable, h.key) {
			return nil, fail(h.line, h.key, "lessons.parse.step.given-twice", seen[h.key])
		}
		if seen[h.key] == 0 {
			seen[h.key] = h.line
		}
	}
	if header[0].key != "kind" {
		if seen["kind"] == 0 {
			return nil, fail(header[0].line, "kind", "lessons.parse.step.kind-missing")
		}
		return nil, fail(header[0].line, "kind", "lessons.parse.step.kind-first")
	}
	switch k := Kind(header[0].value); k {
	case Watch, Do, Predict:
		st.Kind = k
	default:
		return nil, fail(header[0].line, "kind", "lessons.parse.step.unknown-kind", header[0].value)
	}
	st.Nodes = nodes
	for _, h := range header[1:] {
		if h.key == "setup" || h.key == "highlight" || h.key == "speed" || h.key == "topic" {
			continue
		}
		if !slices.Contains(kindKeys[st.Kind], h.key) {
			return nil, fail(h.line, h.key, "lessons.parse.step.wrong-kind", st.Kind, strings.Join(kindKeys[st.Kind], ", "))
		}
	}
	for _, h := range header[1:] {
		if h.key != "setup" {
			continue
		}
		s, err := parseSetup([]byte(h.value), nodes, l.Title+": "+st.Title)
		if err != nil {
			return nil, fail(h.line, "setup", "lessons.text", err)
		}
		st.Setup = s
		if s.Fresh() {
			st.Nodes = s.Scenario.Settings.Nodes
			ids = firstServers(st.Nodes)
		}
		ids = ids.withAdded(s.Script)
	}
	if index == 0 && !st.Setup.Fresh() {
		return nil, fail(head.n, "setup", "lessons.parse.step.first-setup")
	}
	// Show me next: the servers it adds may be named by the step's
	// conditions and highlights.
	for _, h := range header[1:] {
		if h.key != "showme" {
			continue
		}
		var err error
		if st.ShowMe, err = parseScript([]byte(h.value), st.Nodes, true); err == nil && len(st.ShowMe.Steps) == 0 {
			err = errorf("lessons.parse.showme.empty")
		}
		if err != nil {
			return nil, fail(h.line, h.key, "lessons.text", err)
		}
		ids = ids.withAdded(st.ShowMe)
	}
	st.servers = ids
	pred := func(h headerEntry) (*Predicate, error) {
		p, err := parsePredicate(h.value, ids)
		if err != nil {
			return nil, fail(h.line, h.key, "lessons.parse.condition", h.value, err)
		}
		return p, nil
	}
	for _, h := range header[1:] {
		var err error
		switch h.key {
		case "until":
			st.Until, err = pred(h)
		case "goal":
			st.Goal, err = pred(h)
		case "within", "settle", "hintAfter":
			var ms int64
			ms, err = parseDuration(h.value)
			if err != nil {
				return nil, fail(h.line, h.key, "lessons.text", err)
			}
			switch h.key {
			case "within":
				if ms == 0 {
					return nil, fail(h.line, h.key, "lessons.parse.step.within-zero")
				}
				st.Within = ms
			case "settle":
				st.Settle = ms
			default:
				st.HintAfter = time.Duration(ms) * time.Millisecond
			}
		case "speed":
			if st.Speed, err = parseSpeed(h.value); err != nil {
				return nil, fail(h.line, h.key, "lessons.text", err)
			}
		case "topic":
			st.Topic = h.value
		case "hint":
			var spans []Span
			if spans, err = parseInline(h.value); err != nil {
				return nil, fail(h.line, h.key, "lessons.text", err)
			}
			st.Hints = append(st.Hints, Paragraph{Spans: spans})
		case "highlight":
			hs, err := parseHighlights(h.value, ids)
			if err != nil {
				return nil, fail(h.line, h.key, "lessons.text", err)
			}
			st.Highlights = append(st.Highlights, hs...)
		case "question":
			if st.Question, err = parseInline(h.value); err != nil {
				return nil, fail(h.line, h.key, "lessons.text", err)
			}
		case "choice":
			spans, err := parseInline(h.value)
			if err != nil {
				return nil, fail(h.line, h.key, "lessons.text", err)
			}
			st.Choices = append(st.Choices, Choice{Text: spans})
		case "when":
			if len(st.Choices) == 0 || st.Choices[len(st.Choices)-1].When != nil {
				return nil, fail(h.line, h.key, "lessons.parse.step.when-first")
			}
			p, err := pred(h)
			if err != nil {
				return nil, err
			}
			st.Choices[len(st.Choices)-1].When = p
		case "answer":
			n, convErr := strconv.Atoi(h.value)
			if convErr != nil {
				return nil, fail(h.line, h.key, "lessons.parse.step.answer-number", h.value)
			}
			st.Answer = n - 1
		}
		if err != nil {
			return nil, err
		}
	}

	// What each kind requires.
	need := func(ok bool, field, key string) error {
		if ok {
			return nil
		}
		return fail(head.n, field, key)
	}
	var errs []error
	switch st.Kind {
	case Watch:
		errs = append(errs, need(st.Until != nil, "until", "lessons.parse.need.watch-until"))
	case Do:
		errs = append(errs,
			need(st.Goal != nil, "goal", "lessons.parse.need.do-goal"),
			need(st.ShowMe != nil, "showme", "lessons.parse.need.do-showme"),
			need(len(st.Hints) > 0, "hint", "lessons.parse.need.do-hint"))
	case Predict:
		errs = append(errs,
			need(len(st.Question) > 0, "question", "lessons.parse.need.predict-question"),
			need(st.Until != nil, "until", "lessons.parse.need.predict-until"))
		if len(st.Choices) < 2 || len(st.Choices) > 6 {
			errs = append(errs, fail(head.n, "choice", "lessons.parse.step.choice-count", len(st.Choices)))
		}
		for k, c := range st.Choices {
			if c.When == nil {
				errs = append(errs, fail(head.n, "when", "lessons.parse.step.choice-when", k+1, spansText(c.Text)))
			}
		}
		switch {
		case seen["answer"] == 0:
			errs = append(errs, need(false, "answer", "lessons.parse.need.predict-answer"))
		case st.Answer < 0 || st.Answer >= len(st.Choices):
			errs = append(errs, fail(seen["answer"], "answer", "lessons.parse.step.answer-range", st.Answer+1, len(st.Choices)))
		}
		errs = append(errs, need(len(st.Explanation) > 0, "explanation", "lessons.parse.need.predict-explanation"))
	}
	for _, e := range errs {
		if e != nil {
			return nil, e
		}
	}
	return st, nil
}

// parseDuration reads 500, 500ms, 2s or 1.5s as milliseconds.
func parseDuration(s string) (int64, error) {
	s = strings.TrimSpace(s)
	i := strings.IndexFunc(s, func(r rune) bool { return !(r >= '0' && r <= '9' || r == '.') })
	digits, unit := s, ""
	if i >= 0 {
		digits, unit = s[:i], strings.TrimSpace(s[i:])
	}
	if digits == "" {
		return 0, errorf("lessons.parse.duration", s)
	}
	ms, err := parseNumber(digits, unit)
	if err != nil {
		return 0, errorf("lessons.parse.duration.bad", err)
	}
	if ms > maxDurationMs {
		return 0, errorf("lessons.parse.duration.long", s)
	}
	return ms, nil
}

// Speeds are the playback speeds a lesson may ask for, in virtual
// milliseconds per real second: from 1/1000x to 1x. The views offer the
// same ones.
var Speeds = []int{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000}

// DefaultSpeed is the playback speed of a lesson that names none: 1/50x,
// where single messages cross the screen in about half a second.
const DefaultSpeed = 20

// SpeedLabel writes a speed as a fraction of real time: 1/50x, 1x.
func SpeedLabel(v int) string {
	if v >= 1000 {
		return "1x"
	}
	return fmt.Sprintf("1/%dx", 1000/v)
}

// parseSpeed reads a speed written as SpeedLabel writes it.
func parseSpeed(s string) (int, error) {
	var labels []string
	for _, v := range Speeds {
		if SpeedLabel(v) == strings.TrimSpace(s) {
			return v, nil
		}
		labels = append(labels, SpeedLabel(v))
	}
	return 0, errorf("lessons.parse.speed", strings.Join(labels, ", "), s)
}

// m0 is the line of the first of lines, or def when there are none.
func m0(lines []textLine, def int) int {
	if len(lines) > 0 {
		return lines[0].n
	}
	return def
}
