package lessons

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/raftlab/raftlab/lessons/doc"
)

// The header's fields of a step, once readHeader has read them: which
// keys each kind takes, what each field means, and what each kind
// requires.

var stepKeys = []string{"kind", "setup", "until", "goal", "within", "settle", "speed", "topic", "hint", "hintAfter", "showme", "highlight", "question", "choice", "when", "answer"}

// Which keys each kind takes, besides kind and the keys every kind takes
// (anyKindKeys).
var kindKeys = map[doc.Kind][]string{
	doc.Watch:   {"until", "within", "settle"},
	doc.Do:      {"goal", "within", "settle", "hint", "hintAfter", "showme"},
	doc.Predict: {"until", "within", "settle", "question", "choice", "when", "answer"},
}

// anyKindKeys are the keys a step of any kind takes.
var anyKindKeys = []string{"setup", "highlight", "speed", "topic"}

var repeatable = []string{"hint", "highlight", "choice", "when"}

// checkKeys checks the header's keys: each given once (but the repeatable
// ones), kind first and known, and every other key one the kind takes. It
// sets the step's kind.
func (p *stepParser) checkKeys(header []headerEntry) error {
	p.seen = map[string]int{}
	for _, h := range header {
		if p.seen[h.key] > 0 && !slices.Contains(repeatable, h.key) {
			return p.fail(h.line, h.key, "lessons.parse.step.given-twice", p.seen[h.key])
		}
		if p.seen[h.key] == 0 {
			p.seen[h.key] = h.line
		}
	}
	kind := header[0]
	if kind.key != "kind" {
		if p.seen["kind"] == 0 {
			return p.fail(kind.line, "kind", "lessons.parse.step.kind-missing")
		}
		return p.fail(kind.line, "kind", "lessons.parse.step.kind-first")
	}
	switch k := doc.Kind(kind.value); k {
	case doc.Watch, doc.Do, doc.Predict:
		p.st.Kind = k
	default:
		return p.fail(kind.line, "kind", "lessons.parse.step.unknown-kind", kind.value)
	}
	takes := kindKeys[p.st.Kind]
	for _, h := range header[1:] {
		if !slices.Contains(anyKindKeys, h.key) && !slices.Contains(takes, h.key) {
			return p.fail(h.line, h.key, "lessons.parse.step.wrong-kind", p.st.Kind, strings.Join(takes, ", "))
		}
	}
	return nil
}

// parseSetups parses the step's setup (given at most once): a fresh one
// sets the cluster's size and its servers, and any may add servers. The
// first step must start a fresh cluster.
func (p *stepParser) parseSetups(fields []headerEntry) error {
	st := p.st
	for _, h := range fields {
		if h.key != "setup" {
			continue
		}
		s, err := parseSetup([]byte(h.value), p.cluster(), p.l.Title+": "+st.Title)
		if err != nil {
			return p.fail(h.line, "setup", "lessons.text", err)
		}
		if s.Fresh() {
			// The lesson's engine runs every cluster it starts; a teaching
			// switch is RaftLab's alone, so a lesson on etcd's cannot
			// turn one on.
			set := s.Scenario.Settings
			set.Engine = p.l.RunsOn
			if err := set.Validate(); err != nil {
				return p.fail(h.line, "setup", "lessons.text", err)
			}
			s.Scenario.Settings = set
		}
		st.Setup = s
		if s.Fresh() {
			st.Nodes, st.readMode = s.Scenario.Settings.Nodes, s.Scenario.Settings.ReadMode
			p.ids = firstServers(st.Nodes)
		}
		p.ids = p.ids.withAdded(s.Script)
	}
	if st.Index == 0 && !st.Setup.Fresh() {
		return p.fail(p.head.n, "setup", "lessons.parse.step.first-setup")
	}
	return nil
}

// cluster is the cluster the step's actions act on, as far as the step
// is parsed.
func (p *stepParser) cluster() scriptCluster {
	return scriptCluster{nodes: p.st.Nodes, ids: p.ids, readMode: p.st.readMode}
}

// parseShowMe parses the actions show me does (at least one); the servers
// they add may be named from then on.
func (p *stepParser) parseShowMe(fields []headerEntry) error {
	st := p.st
	for _, h := range fields {
		if h.key != "showme" {
			continue
		}
		var err error
		if st.ShowMe, err = parseScript([]byte(h.value), p.cluster(), true); err == nil && len(st.ShowMe.Steps) == 0 {
			err = errorf("lessons.parse.showme.empty")
		}
		if err != nil {
			return p.fail(h.line, h.key, "lessons.text", err)
		}
		p.ids = p.ids.withAdded(st.ShowMe)
	}
	return nil
}

// parseField parses one of the header's fields into the step (setup and
// showme are parsed before, by parseSetups and parseShowMe).
func (p *stepParser) parseField(h headerEntry) error {
	st := p.st
	var err error
	switch h.key {
	case "until":
		st.Until, err = p.condition(h)
	case "goal":
		st.Goal, err = p.condition(h)
	case "within", "settle", "hintAfter":
		err = p.parseTime(h)
	case "speed":
		st.Speed, err = parseSpeed(h.value)
		err = p.textErr(h, err)
	case "topic":
		st.Topic = h.value
	case "hint":
		var spans []doc.Span
		spans, err = parseInline(h.value)
		st.Hints = append(st.Hints, doc.Paragraph{Spans: spans})
		err = p.textErr(h, err)
	case "highlight":
		var hs []doc.Highlight
		hs, err = parseHighlights(h.value, p.ids)
		st.Highlights = append(st.Highlights, hs...)
		err = p.textErr(h, err)
	case "question":
		st.Question, err = parseInline(h.value)
		err = p.textErr(h, err)
	case "choice":
		var spans []doc.Span
		spans, err = parseInline(h.value)
		st.Choices = append(st.Choices, doc.Choice{Text: spans})
		st.When = append(st.When, nil) // its when comes next
		err = p.textErr(h, err)
	case "when":
		err = p.parseWhen(h)
	case "answer":
		err = p.parseAnswer(h)
	}
	return err
}

// textErr is err, when not nil, as the error of field h.
func (p *stepParser) textErr(h headerEntry, err error) error {
	if err == nil {
		return nil
	}
	return p.fail(h.line, h.key, "lessons.text", err)
}

// condition parses the condition h gives, over the servers the step may
// name.
func (p *stepParser) condition(h headerEntry) (*Predicate, error) {
	c, err := parsePredicate(h.value, p.ids)
	if err != nil {
		return nil, p.fail(h.line, h.key, "lessons.parse.condition", quoted(h.value), err)
	}
	return c, nil
}

// quoted is a condition as an error quotes it: whole, unless it is longer
// than a line would hold (a hostile file's may be a megabyte).
func quoted(cond string) string {
	if r := []rune(cond); len(r) > 120 {
		return string(r[:120]) + "…"
	}
	return cond
}

// parseTime parses a duration field: within (not zero), settle or
// hintAfter.
func (p *stepParser) parseTime(h headerEntry) error {
	ms, err := parseDuration(h.value)
	if err != nil {
		return p.textErr(h, err)
	}
	switch h.key {
	case "within":
		if ms == 0 {
			return p.fail(h.line, h.key, "lessons.parse.step.within-zero")
		}
		p.st.Within = ms
	case "settle":
		p.st.Settle = ms
	default:
		p.st.HintAfter = time.Duration(ms) * time.Millisecond
	}
	return nil
}

// parseWhen parses the condition of the choice just before it: the run
// made that choice happen when it holds.
func (p *stepParser) parseWhen(h headerEntry) error {
	when := p.st.When
	if len(when) == 0 || when[len(when)-1] != nil {
		return p.fail(h.line, h.key, "lessons.parse.step.when-first")
	}
	c, err := p.condition(h)
	when[len(when)-1] = c
	return err
}

// parseAnswer parses the right answer to a predict step's question:
// a choice's number, from 1 (checked against the choices by checkNeeds).
func (p *stepParser) parseAnswer(h headerEntry) error {
	n, err := strconv.Atoi(h.value)
	if err != nil {
		return p.fail(h.line, h.key, "lessons.parse.step.answer-number", h.value)
	}
	p.st.Answer = n - 1
	return nil
}

// checkNeeds checks that the step has what its kind requires.
func (p *stepParser) checkNeeds() error {
	st := p.st
	switch st.Kind {
	case doc.Watch:
		return p.need(st.Until != nil, "until", "lessons.parse.need.watch-until")
	case doc.Do:
		return cmp.Or(
			p.need(st.Goal != nil, "goal", "lessons.parse.need.do-goal"),
			p.need(st.ShowMe != nil, "showme", "lessons.parse.need.do-showme"),
			p.need(len(st.Hints) > 0, "hint", "lessons.parse.need.do-hint"))
	case doc.Predict:
		return p.checkPredict()
	}
	return nil
}

// checkPredict checks a predict step: a question, a condition to run
// until, two to six choices each with its condition, an answer among
// them, and an explanation.
func (p *stepParser) checkPredict() error {
	st := p.st
	errs := []error{
		p.need(len(st.Question) > 0, "question", "lessons.parse.need.predict-question"),
		p.need(st.Until != nil, "until", "lessons.parse.need.predict-until"),
	}
	if len(st.Choices) < 2 || len(st.Choices) > 6 {
		errs = append(errs, p.fail(p.head.n, "choice", "lessons.parse.step.choice-count", len(st.Choices)))
	}
	for k, c := range st.Choices {
		if st.When[k] == nil {
			errs = append(errs, p.fail(p.head.n, "when", "lessons.parse.step.choice-when", k+1, spansText(c.Text)))
		}
	}
	switch {
	case p.seen["answer"] == 0:
		errs = append(errs, p.need(false, "answer", "lessons.parse.need.predict-answer"))
	case st.Answer < 0 || st.Answer >= len(st.Choices):
		errs = append(errs, p.fail(p.seen["answer"], "answer", "lessons.parse.step.answer-range", st.Answer+1, len(st.Choices)))
	}
	errs = append(errs, p.need(len(st.Explanation) > 0, "explanation", "lessons.parse.need.predict-explanation"))
	return cmp.Or(errs...)
}

// need is an error at the step's heading, in field, unless ok.
func (p *stepParser) need(ok bool, field, key string) error {
	if ok {
		return nil
	}
	return p.fail(p.head.n, field, key)
}
