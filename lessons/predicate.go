package lessons

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
)

// Predicate is a condition over the playground, written in the lessons'
// small language (see README.md): named conditions such as leader or
// logsMatch, numbers such as rejections(3) or elapsed compared with
// numbers or with each other, joined with and, or, not and parentheses.
//
// Counts (votes, rejections, elections, sent, ...) and elapsed are measured
// from a Baseline: the moment the step began.
type Predicate struct {
	Source string
	expr   boolExpr
}

func (p *Predicate) String() string { return p.Source }

// Eval evaluates the predicate on w, counting from b.
func (p *Predicate) Eval(w *playground.World, b *Baseline) bool {
	return p.expr.eval(&evalCtx{w: w, b: b})
}

// Facts lists the values the predicate looks at, as sentences
// ("rejections(3) is 6", "leaderIs(1) is false: S2 leads"), for error
// messages and for views explaining what happened.
func (p *Predicate) Facts(w *playground.World, b *Baseline) []string {
	return messagesIn(p.facts(w, b), English)
}

// facts are Facts as messages, to be written in any language.
func (p *Predicate) facts(w *playground.World, b *Baseline) []i18n.Message {
	var out []i18n.Message
	p.expr.facts(&evalCtx{w: w, b: b}, &out)
	return out
}

// parsePredicate parses a predicate that may name the given servers.
func parsePredicate(src string, ids servers) (*Predicate, error) {
	if len(src) > maxConditionBytes {
		return nil, errorf("lessons.predicate.too-long", len(src), maxConditionBytes)
	}
	toks, err := tokenize(src)
	if err != nil {
		return nil, err
	}
	if len(toks) == 1 {
		return nil, errorf("lessons.predicate.empty")
	}
	p := &predParser{toks: toks, ids: ids}
	e, err := p.or()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tEOF {
		return nil, errorf("lessons.predicate.trailing", t.describe())
	}
	return &Predicate{Source: strings.TrimSpace(src), expr: e}, nil
}

// --- tokens ---

type tokKind uint8

const (
	tEOF tokKind = iota
	tIdent
	tNum
	tCmp
	tLParen
	tRParen
	tComma
)

type token struct {
	kind tokKind
	text string
	num  int64
	// unit is set for numbers written with ms or s.
	unit bool
}

func (t token) describe() i18n.Message {
	if t.kind == tEOF {
		return msg("lessons.predicate.end")
	}
	return msg("lessons.quoted", t.text)
}

// tokenize splits a condition into tokens, ending with tEOF.
func tokenize(src string) ([]token, error) {
	var toks []token
	rs := []rune(src)
	for i := 0; i < len(rs); {
		if unicode.IsSpace(rs[i]) {
			i++
			continue
		}
		t, n, err := nextToken(rs[i:])
		if err != nil {
			return nil, err
		}
		toks = append(toks, t)
		i += n
	}
	return append(toks, token{kind: tEOF}), nil
}

// nextToken reads the token at the start of rs, and how many runes it
// takes.
func nextToken(rs []rune) (token, int, error) {
	switch c := rs[0]; {
	case c == '(':
		return token{kind: tLParen, text: "("}, 1, nil
	case c == ')':
		return token{kind: tRParen, text: ")"}, 1, nil
	case c == ',':
		return token{kind: tComma, text: ","}, 1, nil
	case c == '>' || c == '<' || c == '=' || c == '!':
		return comparison(rs)
	case c == '&' || c == '|':
		return token{}, 0, errorf("lessons.predicate.and-or", string(c))
	case c >= '0' && c <= '9':
		return number(rs)
	case unicode.IsLetter(c):
		t, n := identifier(rs)
		return t, n, nil
	default:
		return token{}, 0, errorf("lessons.predicate.character", string(c))
	}
}

// comparison reads a comparison: >, >=, <, <=, = (or ==) or !=.
func comparison(rs []rune) (token, int, error) {
	j := 1
	if j < len(rs) && rs[j] == '=' {
		j++
	}
	op := string(rs[:j])
	switch op {
	case "!":
		return token{}, 0, errorf("lessons.predicate.bang")
	case "==":
		op = "="
	}
	return token{kind: tCmp, text: op}, j, nil
}

// number reads a number, with its unit if it has one (500ms, 1.5s).
func number(rs []rune) (token, int, error) {
	j := 0
	for j < len(rs) && (rs[j] >= '0' && rs[j] <= '9' || rs[j] == '.') {
		j++
	}
	k := j
	for k < len(rs) && unicode.IsLetter(rs[k]) {
		k++
	}
	n, err := parseNumber(string(rs[:j]), string(rs[j:k]))
	if err != nil {
		return token{}, 0, err
	}
	return token{kind: tNum, text: string(rs[:k]), num: n, unit: k > j}, k, nil
}

// identifier reads the name at the start of rs: a letter, then letters,
// digits, - and _.
func identifier(rs []rune) (token, int) {
	j := 0
	for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j]) || rs[j] == '-' || rs[j] == '_') {
		j++
	}
	return token{kind: tIdent, text: string(rs[:j])}, j
}

// parseNumber reads a whole number, or a duration in ms or s (which may
// have a fraction: 1.5s).
func parseNumber(digits, unit string) (int64, error) {
	scale := int64(1)
	switch unit {
	case "", "ms":
	case "s":
		scale = 1000
	default:
		return 0, errorf("lessons.predicate.unit", digits, unit)
	}
	whole, frac, hasFrac := strings.Cut(digits, ".")
	if strings.Contains(frac, ".") || whole == "" || (hasFrac && frac == "") {
		return 0, errorf("lessons.predicate.not-number", digits+unit)
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || w > 1<<40 {
		return 0, errorf("lessons.predicate.too-large", digits+unit)
	}
	n := w * scale
	if hasFrac {
		if unit != "s" {
			return 0, errorf("lessons.predicate.fraction", digits+unit)
		}
		f := frac
		if len(f) > 3 {
			return 0, errorf("lessons.predicate.decimals", digits+unit)
		}
		for len(f) < 3 {
			f += "0"
		}
		ms, _ := strconv.ParseInt(f, 10, 64)
		n += ms
	}
	return n, nil
}

// --- the parser ---

type predParser struct {
	toks []token
	i    int
	ids  servers
	// depth is how many parentheses and nots enclose the current token.
	depth int
}

func (p *predParser) peek() token { return p.toks[p.i] }
func (p *predParser) next() token {
	t := p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}

func isKeyword(t token, kw string) bool { return t.kind == tIdent && strings.EqualFold(t.text, kw) }

func (p *predParser) or() (boolExpr, error) {
	l, err := p.and()
	if err != nil {
		return nil, err
	}
	for isKeyword(p.peek(), "or") {
		p.next()
		r, err := p.and()
		if err != nil {
			return nil, err
		}
		l = &orExpr{l, r}
	}
	return l, nil
}

func (p *predParser) and() (boolExpr, error) {
	l, err := p.unary()
	if err != nil {
		return nil, err
	}
	for isKeyword(p.peek(), "and") {
		p.next()
		r, err := p.unary()
		if err != nil {
			return nil, err
		}
		l = &andExpr{l, r}
	}
	return l, nil
}

// unary parses a condition that binds tighter than and: a not, a
// parenthesised condition, or a comparison or condition atom.
func (p *predParser) unary() (boolExpr, error) {
	t := p.peek()
	switch {
	case isKeyword(t, "not") || t.kind == tLParen:
		return p.nested(t)
	case t.kind == tEOF:
		return nil, errorf("lessons.predicate.ends")
	}
	return p.comparison()
}

// nested parses a not or a parenthesised condition, which t opens. Each
// goes one level deeper, and the depth is bounded (maxNesting): a hostile
// condition of millions of "(" must get an error, not overflow the stack.
func (p *predParser) nested(t token) (boolExpr, error) {
	if p.depth++; p.depth > maxNesting {
		return nil, errorf("lessons.predicate.too-deep", maxNesting)
	}
	defer func() { p.depth-- }()
	p.next()
	if isKeyword(t, "not") {
		e, err := p.unary()
		if err != nil {
			return nil, err
		}
		return &notExpr{e}, nil
	}
	e, err := p.or()
	if err != nil {
		return nil, err
	}
	if c := p.next(); c.kind != tRParen {
		return nil, errorf("lessons.predicate.close-paren", c.describe())
	}
	return e, nil
}

// comparison parses two numbers compared, or a condition atom alone. A
// number alone, or a condition compared, is refused with an error that
// says how to write it.
func (p *predParser) comparison() (boolExpr, error) {
	l, err := p.operand()
	if err != nil {
		return nil, err
	}
	op := p.peek()
	if op.kind != tCmp {
		if l.def == nil {
			return nil, errorf("lessons.predicate.number-alone", l.text())
		}
		if l.def.num {
			return nil, errorf("lessons.predicate.compare-it", l.text(), l.text())
		}
		return l, nil
	}
	p.next()
	if err := numberSide(l, op); err != nil {
		return nil, err
	}
	r, err := p.operand()
	if err != nil {
		return nil, err
	}
	if err := numberSide(r, op); err != nil {
		return nil, err
	}
	if l.def == nil && r.def == nil {
		return nil, errorf("lessons.predicate.compare-numbers", l.text(), op.text, r.text())
	}
	return &cmpExpr{l: l, op: op.text, r: r}, nil
}

// numberSide refuses a condition atom as a side of comparison op: only
// numbers compare.
func numberSide(a *atom, op token) error {
	if a.def != nil && !a.def.num {
		return errorf("lessons.predicate.compare-bool", a.text(), op.text)
	}
	return nil
}

// operand parses a number or a named atom with its arguments.
func (p *predParser) operand() (*atom, error) {
	t := p.next()
	switch t.kind {
	case tNum:
		return &atom{num: t.num, src: t.text}, nil
	case tIdent:
	default:
		return nil, errorf("lessons.predicate.operand", t.describe())
	}
	for _, kw := range []string{"and", "or", "not"} {
		if isKeyword(t, kw) {
			return nil, errorf("lessons.predicate.keyword", kw)
		}
	}
	def := lookupAtom(t.text)
	if def == nil {
		if s := suggest(t.text, atomNames()); s != "" {
			return nil, errorf("lessons.predicate.unknown.suggest", t.text, s, strings.Join(atomNames(), ", "))
		}
		return nil, errorf("lessons.predicate.unknown", t.text, strings.Join(atomNames(), ", "))
	}
	a := &atom{def: def}
	if p.peek().kind == tLParen {
		p.next()
		if p.peek().kind == tRParen {
			p.next()
		} else {
			for {
				at, err := p.arg(def, len(a.args))
				if err != nil {
					return nil, err
				}
				a.args = append(a.args, at)
				c := p.next()
				if c.kind == tRParen {
					break
				}
				if c.kind != tComma {
					return nil, errorf("lessons.predicate.comma", def.name, c.describe())
				}
			}
		}
	}
	lo, hi := len(def.params)-def.optional, len(def.params)
	if def.variadic {
		hi = 1 << 30
	}
	if n := len(a.args); n < lo || n > hi {
		return nil, errorf("lessons.predicate.args", def.name, def.usage(), def.example)
	}
	return a, nil
}

// arg parses the atom's argument i, of the kind its definition says.
func (p *predParser) arg(def *atomDef, i int) (arg, error) {
	if i >= len(def.params) && !def.variadic {
		return arg{}, errorf("lessons.predicate.args", def.name, def.usage(), def.example)
	}
	kind := def.params[min(i, len(def.params)-1)]
	t := p.next()
	a, ok := p.argOf(kind, t)
	if !ok {
		return arg{}, errorf("lessons.predicate.arg", def.name, i+1, p.expected(kind, t), t.describe())
	}
	return a, nil
}

// --- expressions ---

type boolExpr interface {
	eval(c *evalCtx) bool
	facts(c *evalCtx, out *[]i18n.Message)
	// marks lists the elapsed times (ms) at which the expression may
	// change without any event: the thresholds of elapsed comparisons.
	marks(out *[]int64)
}

type andExpr struct{ l, r boolExpr }
type orExpr struct{ l, r boolExpr }
type notExpr struct{ e boolExpr }

func (e *andExpr) eval(c *evalCtx) bool { return e.l.eval(c) && e.r.eval(c) }
func (e *orExpr) eval(c *evalCtx) bool  { return e.l.eval(c) || e.r.eval(c) }
func (e *notExpr) eval(c *evalCtx) bool { return !e.e.eval(c) }

func (e *andExpr) facts(c *evalCtx, out *[]i18n.Message) { e.l.facts(c, out); e.r.facts(c, out) }
func (e *andExpr) marks(out *[]int64)                    { e.l.marks(out); e.r.marks(out) }
func (e *orExpr) marks(out *[]int64)                     { e.l.marks(out); e.r.marks(out) }
func (e *notExpr) marks(out *[]int64)                    { e.e.marks(out) }
func (a *atom) marks(out *[]int64)                       {}

func (e *cmpExpr) marks(out *[]int64) {
	l, r := e.l, e.r
	if r.def != nil && r.def.name == "elapsed" {
		l, r = r, l
	}
	if l.def != nil && l.def.name == "elapsed" && r.def == nil {
		*out = append(*out, r.num, r.num+1)
	}
}

// nextMark is the first moment after now (both absolute ms) at which the
// predicate's elapsed thresholds, counted from start, are crossed.
func (p *Predicate) nextMark(start, now int64) (int64, bool) {
	var ms []int64
	p.expr.marks(&ms)
	best, ok := int64(0), false
	for _, m := range ms {
		if at := start + m; at > now && (!ok || at < best) {
			best, ok = at, true
		}
	}
	return best, ok
}
func (e *orExpr) facts(c *evalCtx, out *[]i18n.Message)  { e.l.facts(c, out); e.r.facts(c, out) }
func (e *notExpr) facts(c *evalCtx, out *[]i18n.Message) { e.e.facts(c, out) }

type cmpExpr struct {
	l  *atom
	op string
	r  *atom
}

func (e *cmpExpr) eval(c *evalCtx) bool {
	l, lok, _ := e.l.value(c)
	r, rok, _ := e.r.value(c)
	if !lok || !rok {
		return false
	}
	switch e.op {
	case "=":
		return l == r
	case "!=":
		return l != r
	case "<":
		return l < r
	case "<=":
		return l <= r
	case ">":
		return l > r
	case ">=":
		return l >= r
	}
	return false
}

func (e *cmpExpr) facts(c *evalCtx, out *[]i18n.Message) {
	e.l.facts(c, out)
	e.r.facts(c, out)
}

// atom is a number, or a named condition or quantity with its arguments.
type atom struct {
	def  *atomDef // nil for a number
	num  int64
	src  string
	args []arg
}

func (a *atom) text() string {
	if a.def == nil {
		return a.src
	}
	if len(a.args) == 0 {
		return a.def.name
	}
	parts := make([]string, len(a.args))
	for i, x := range a.args {
		parts[i] = x.text
	}
	return a.def.name + "(" + strings.Join(parts, ", ") + ")"
}

func (a *atom) value(c *evalCtx) (int64, bool, i18n.Message) {
	if a.def == nil {
		return a.num, true, i18n.Message{}
	}
	return a.def.n(c, a.args)
}

func (a *atom) eval(c *evalCtx) bool {
	ok, _ := a.def.b(c, a.args)
	return ok
}

func (a *atom) facts(c *evalCtx, out *[]i18n.Message) {
	if a.def == nil {
		return
	}
	var f i18n.Message
	if a.def.num {
		v, ok, why := a.def.n(c, a.args)
		switch {
		case !ok:
			f = msg("lessons.fact.unknown", a.text(), why)
		case !why.Empty():
			f = msg("lessons.fact.number.why", a.text(), v, why)
		default:
			f = msg("lessons.fact.number", a.text(), v)
		}
	} else {
		ok, why := a.def.b(c, a.args)
		f = msg("lessons.fact.bool", a.text(), ok)
		if !why.Empty() {
			f = msg("lessons.fact.bool.why", a.text(), ok, why)
		}
	}
	if !slices.ContainsFunc(*out, func(g i18n.Message) bool { return g.String() == f.String() }) {
		*out = append(*out, f)
	}
}
