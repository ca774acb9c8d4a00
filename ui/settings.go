package ui

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// setting is one row of the settings panel: a value the user steps
// through, with a short explanation. key is the row's catalogue key: the
// label is its message, the explanation key+".explain".
type setting struct {
	name string
	key  string
	// get renders the current value in a language; next and prev change it.
	get        func(lang i18n.Lang, s *view.Settings) string
	next, prev func(s *view.Settings)
	// teaching marks a teaching switch (a rule broken on purpose, or the
	// leader's no-op left out): RaftLab's engine alone has them, so the
	// row is disabled while etcd's is chosen.
	teaching bool
}

// disabled reports whether the row cannot be changed in settings s.
func (r setting) disabled(s *view.Settings) bool { return r.teaching && s.Engine == view.EngineEtcd }

// explainKey is the catalogue key of the row's explanation.
func (r setting) explainKey() string { return r.key + ".explain" }

func toggle(name, key string, field func(s *view.Settings) *bool) setting {
	flip := func(s *view.Settings) { *field(s) = !*field(s) }
	return setting{name: name, key: key, next: flip, prev: flip,
		get: func(lang i18n.Lang, s *view.Settings) string { return onOff(lang, *field(s)) }}
}

// teaching marks a row as a teaching switch.
func teaching(r setting) setting {
	r.teaching = true
	return r
}

// onOff is a switch's value in a language.
func onOff(lang i18n.Lang, on bool) string {
	if on {
		return lang.T("settings.on")
	}
	return lang.T("settings.off")
}

// stepper moves a number through a list of values; unit is the catalogue
// key of the value with its unit ("%d ms"), or "" for a bare number.
func stepper(name, key, unit string, values []int64, get func(s *view.Settings) int64, set func(s *view.Settings, v int64)) setting {
	move := func(d int) func(s *view.Settings) {
		return func(s *view.Settings) {
			i := nearest(values, get(s))
			set(s, values[max(0, min(len(values)-1, i+d))])
		}
	}
	return setting{name: name, key: key, next: move(1), prev: move(-1),
		get: func(lang i18n.Lang, s *view.Settings) string {
			if unit == "" {
				return fmt.Sprint(get(s))
			}
			return lang.T(unit, get(s))
		}}
}

// ms is a stepper over a millisecond field.
func ms(name, key string, values []int64, field func(s *view.Settings) *int64) setting {
	return stepper(name, key, "settings.unit.ms", values,
		func(s *view.Settings) int64 { return *field(s) },
		func(s *view.Settings, v int64) { *field(s) = v })
}

func nearest(values []int64, v int64) int {
	best := 0
	for i, x := range values {
		if math.Abs(float64(x-v)) < math.Abs(float64(values[best]-v)) {
			best = i
		}
	}
	return best
}

// rate steps a probability by 5%.
func rate(name, key string, field func(s *view.Settings) *float64) setting {
	move := func(d float64) func(s *view.Settings) {
		return func(s *view.Settings) {
			*field(s) = math.Max(0, math.Min(0.5, math.Round((*field(s)+d)*20)/20))
		}
	}
	return setting{name: name, key: key, next: move(0.05), prev: move(-0.05),
		get: func(_ i18n.Lang, s *view.Settings) string { return fmt.Sprintf("%.0f%%", *field(s)*100) }}
}

// readModeKeys are the catalogue keys of the read modes' names, by mode.
var readModeKeys = [...]string{
	view.ReadIndexRead: "settings.readmode.readindex",
	view.LeaseRead:     "settings.readmode.lease",
	view.LocalRead:     "settings.readmode.local",
}

// settingsRows are the settings, in the order the panel shows them.
var settingsRows = []setting{
	stepper("set-nodes", "settings.nodes", "", []int64{1, 2, 3, 4, 5, 6, 7, 8, 9},
		func(s *view.Settings) int64 { return int64(s.Nodes) },
		func(s *view.Settings, v int64) { s.Nodes = int(v) }),
	toggle("set-prevote", "settings.prevote", func(s *view.Settings) *bool { return &s.PreVote }),
	toggle("set-checkquorum", "settings.checkquorum", func(s *view.Settings) *bool { return &s.CheckQuorum }),
	teaching(toggle("set-noop", "settings.noop", func(s *view.Settings) *bool { return &s.LeaderNoop })),
	toggle("set-fastbacktrack", "settings.fastbacktrack", func(s *view.Settings) *bool { return &s.FastBacktrack }),
	stepper("set-snapshot", "settings.snapshot", "settings.unit.entries", []int64{0, 5, 10, 20, 50, 100, 1000},
		func(s *view.Settings) int64 { return int64(s.SnapshotEvery) },
		func(s *view.Settings, v int64) { s.SnapshotEvery = uint64(v) }),
	{name: "set-readmode", key: "settings.readmode",
		get: func(lang i18n.Lang, s *view.Settings) string {
			if int(s.ReadMode) < len(readModeKeys) {
				return lang.T(readModeKeys[s.ReadMode])
			}
			return s.ReadMode.String()
		},
		next: func(s *view.Settings) { s.ReadMode = (s.ReadMode + 1) % 3 },
		prev: func(s *view.Settings) { s.ReadMode = (s.ReadMode + 2) % 3 }},
	toggle("set-clientsessions", "settings.clientsessions", func(s *view.Settings) *bool { return &s.ClientSessions }),
	teaching(toggle("set-rule-commit", "settings.rule.commit", func(s *view.Settings) *bool { return &s.Rules.CommitOldTermsByCounting })),
	teaching(toggle("set-rule-restriction", "settings.rule.restriction", func(s *view.Settings) *bool { return &s.Rules.SkipElectionRestriction })),
	teaching(toggle("set-rule-fixed", "settings.rule.fixed", func(s *view.Settings) *bool { return &s.Rules.FixedElectionTimeout })),
	teaching(toggle("set-rule-fsync", "settings.rule.fsync", func(s *view.Settings) *bool { return &s.Rules.AckBeforeFsync })),
	ms("set-election-min", "settings.election-min", []int64{100, 150, 200, 300, 500, 1000},
		func(s *view.Settings) *int64 { return &s.ElectionTimeoutMs[0] }),
	ms("set-election-max", "settings.election-max", []int64{150, 200, 300, 500, 1000, 2000},
		func(s *view.Settings) *int64 { return &s.ElectionTimeoutMs[1] }),
	ms("set-heartbeat", "settings.heartbeat", []int64{10, 20, 50, 75, 100},
		func(s *view.Settings) *int64 { return &s.HeartbeatMs }),
	ms("set-latency-min", "settings.latency-min", []int64{0, 1, 5, 10, 20, 50, 100},
		func(s *view.Settings) *int64 { return &s.LatencyMs[0] }),
	ms("set-latency-max", "settings.latency-max", []int64{1, 5, 10, 20, 50, 100, 200},
		func(s *view.Settings) *int64 { return &s.LatencyMs[1] }),
	ms("set-fsync", "settings.fsync", []int64{0, 1, 5, 10, 50, 100, 200},
		func(s *view.Settings) *int64 { return &s.FsyncMs }),
	rate("set-drop", "settings.drop", func(s *view.Settings) *float64 { return &s.DropRate }),
	rate("set-dup", "settings.dup", func(s *view.Settings) *float64 { return &s.DuplicateRate }),
}

// settingsPanel is the open settings dialog: a draft of the settings that
// becomes a new run when applied, and why the last Apply was refused (kept
// as the error, so that a language switch rewrites it).
type settingsPanel struct {
	draft view.Settings
	err   error
	// switchedOff is set when choosing etcd's engine turned teaching
	// switches off, which the dialog's foot then says.
	switchedOff bool
}

func (g *Game) openSettings() {
	g.settings = &settingsPanel{draft: g.scenario.Settings}
	g.menu = nil
}

// themeRowName is the name of the dialog's first row, the colour theme.
// It is the learner's preference, not part of the simulation: it is not
// in the draft, it applies at once and is kept (Prefs), and it starts no
// new run.
const themeRowName = "set-theme"

// themeExplainKey is the catalogue key of the theme row's explanation.
const themeExplainKey = "settings.theme.explain"

// langRowName is the name of the dialog's second row, the language. Like
// the theme it is the learner's preference: SetLang applies it at once and
// keeps it (Prefs), outside the draft, and starts no new run.
const langRowName = "set-lang"

// langExplainKey is the catalogue key of the language row's explanation.
const langExplainKey = "settings.language.explain"

// presentControlName is the name of the presenter mode switch at the
// dialog's top right: like the theme it applies at once and starts no new
// run, but it is not kept for the next visit (a class ends). It is not a
// row: at 800x600 the rows have no height to spare.
const presentControlName = "set-present"

// nextLang is the language d places after l in i18n.Langs, round the list.
func nextLang(l i18n.Lang, d int) i18n.Lang {
	n := len(i18n.Langs)
	i := max(0, slices.Index(i18n.Langs, l))
	return i18n.Langs[((i+d)%n+n)%n]
}

// The rows at the top hold the learner's preferences rather than the
// run's settings: the theme, then the language; prefRows is how many.
const (
	themeRow = iota
	langRow
	prefRows
)

// presentSwitch is the row of the presenter mode switch's control.
const presentSwitch = -2

// settingsRowCount is how many rows the dialog has: the theme and the
// language, then the simulation's settings.
func settingsRowCount() int { return prefRows + len(settingsRows) }

// The settings dialog's geometry, in logical pixels. Its top holds the
// title, its foot Apply and Cancel; the rows share the height between
// (at 800x600, 22.5 pixels each, room for an explanation's two lines).
// Each row is a label, a value between "<" and ">", and an explanation
// from settingsExplainX to the right edge, on two lines where it needs
// them (at 800 pixels wide some do).
const (
	settingsMaxW     = 900
	settingsRowH     = 26
	settingsTop      = 38
	settingsFoot     = 46
	settingsExplainX = 370
	settingsExplainH = 11.5 // between an explanation's two lines
)

// settingsBox is the dialog's rectangle: wide enough that at 1024 pixels
// and more every explanation is one line.
func (g *Game) settingsBox() Rect {
	s := g.scale
	w := math.Min(settingsMaxW*s, float64(g.w)-20*s)
	h := math.Min(float64(settingsRowCount()*settingsRowH+settingsTop+settingsFoot)*s, float64(g.h)-20*s)
	return Rect{(float64(g.w) - w) / 2, (float64(g.h) - h) / 2, w, h}
}

// settingsRow is the rectangle of row i (0 is the theme, 1 the language).
func (g *Game) settingsRow(i int) Rect {
	s := g.scale
	box := g.settingsBox()
	rowH := (box.H - (settingsTop+settingsFoot)*s) / float64(settingsRowCount())
	return Rect{box.X, box.Y + settingsTop*s + float64(i)*rowH, box.W, rowH}
}

// settingsExplainFace is the face the explanations are drawn in.
func (g *Game) settingsExplainFace() text.Face { return face(11*g.scale, false) }

// settingsExplainLines is an explanation as the dialog draws it: wrapped
// to the room right of the controls, on two lines at most (a longer one
// ends in "…"; the pointer on its row shows it whole, settingsHint).
func (g *Game) settingsExplainLines(explain string) []string {
	s := g.scale
	f := g.settingsExplainFace()
	width := g.settingsBox().W - (settingsExplainX+20)*s
	lines := wrapPlain(explain, f, width)
	if len(lines) > 2 {
		lines = []string{lines[0], ellipsize(strings.Join(lines[1:], " "), f, width)}
	}
	return lines
}

// settingsControl is a control of the dialog: a row's step (row is the
// row's number, step -1 for its "<" and +1 for its ">"), or, with row -1,
// Apply (step +1) or Cancel (step -1), or with row presentSwitch the
// presenter mode switch.
type settingsControl struct {
	Button
	row, step int
}

// settingsControls lays out the dialog's controls: each row's "<" and
// ">", then Apply and Cancel. Their names (set-prevote-next...) are the
// tests' and automation's.
func (g *Game) settingsControls() []settingsControl {
	s := g.scale
	box := g.settingsBox()
	var out []settingsControl
	stepButtons := func(i int, name, explain string) {
		r := g.settingsRow(i)
		out = append(out,
			settingsControl{Button{Name: name + "-prev", Label: "<", Hint: explain, Rect: Rect{box.X + 200*s, r.Y, 24 * s, r.H - 3*s}}, i, -1},
			settingsControl{Button{Name: name + "-next", Label: ">", Hint: explain, Rect: Rect{box.X + 330*s, r.Y, 24 * s, r.H - 3*s}}, i, 1})
	}
	stepButtons(themeRow, themeRowName, g.tr(themeExplainKey))
	stepButtons(langRow, langRowName, g.tr(langExplainKey))
	for i, row := range settingsRows {
		stepButtons(prefRows+i, row.name, g.settingsRowHint(row))
	}
	label := g.tr("settings.present") + ": " + onOff(g.lang, g.present.on)
	w := controlWidthIn(g.lang, Button{Label: label}, s)
	present := Rect{box.X + box.W - 20*s - w, box.Y + 8*s, w, 26 * s}
	return append(out,
		settingsControl{Button{Name: presentControlName, Label: label, Hint: g.tr("settings.present.explain"), Rect: present}, presentSwitch, 0},
		g.engineControl(present),
		settingsControl{Button{Name: "set-apply", Label: g.tr("settings.apply"), Hint: g.tr("settings.apply.hint"), Rect: Rect{box.X + box.W - 380*s, box.Y + box.H - 44*s, 220 * s, 30 * s}}, -1, 1},
		settingsControl{Button{Name: "set-cancel", Label: g.tr("settings.cancel"), Hint: g.tr("settings.cancel.hint"), Rect: Rect{box.X + box.W - 150*s, box.Y + box.H - 44*s, 130 * s, 30 * s}}, -1, -1})
}

// settingsButtons are the dialog's controls as buttons.
func (g *Game) settingsButtons() []Button {
	var out []Button
	for _, c := range g.settingsControls() {
		out = append(out, c.Button)
	}
	return out
}

// settingsHint is what the dialog explains under the pointer at (x, y): a
// row's explanation over its row or its controls (the row itself may cut
// it short), or Apply's and Cancel's hints.
func (g *Game) settingsHint(x, y float64) string {
	if b, ok := hitAny(g.settingsButtons(), x, y); ok {
		return b.Hint
	}
	if g.settingsRow(themeRow).Contains(x, y) {
		return g.tr(themeExplainKey)
	}
	if g.settingsRow(langRow).Contains(x, y) {
		return g.tr(langExplainKey)
	}

	for i, row := range settingsRows {
		if g.settingsRow(prefRows+i).Contains(x, y) {
			return g.settingsRowHint(row)
		}
	}
	return ""
}

// clickSettings handles a click while the dialog is open.
func (g *Game) clickSettings(x, y float64) {
	for _, c := range g.settingsControls() {
		if c.Rect.Contains(x, y) {
			g.pressSettings(c.row, c.step)
			return
		}
	}
	if !g.settingsBox().Contains(x, y) {
		g.settings = nil
	}
}

// pressSettings carries out the control that steps row by step, or, for
// row -1, Apply (+1) or Cancel (-1).
func (g *Game) pressSettings(row, step int) {
	switch {
	case row == presentSwitch:
		g.togglePresent()
	case row == engineSwitch:
		g.settings.chooseEngine(step)
	case row < 0 && step > 0:
		g.applySettings()
	case row < 0:
		g.settings = nil
	case row == themeRow: // two themes: either way is the other
		g.setTheme(!themeChosen)
	case row == langRow:
		g.SetLang(nextLang(g.lang, step))
	case settingsRows[row-prefRows].disabled(&g.settings.draft):
	case step > 0:
		settingsRows[row-prefRows].next(&g.settings.draft)
	default:
		settingsRows[row-prefRows].prev(&g.settings.draft)
	}
}

// applySettings starts a new run with the drafted settings, keeping the
// current one if they are invalid. A run on an engine this build lacks
// starts in a build that has it (loadEngine).
func (g *Game) applySettings() {
	d := g.settings.draft
	if err := d.Validate(); err != nil {
		g.settings.err = err
		return
	}
	sc := &view.Scenario{Name: sandboxName, Settings: d, Until: math.MaxInt32}
	if !g.opts.Lab.HasEngine(d.Engine) {
		g.loadEngine(sc)
		return
	}
	if err := g.load(sc); err != nil {
		g.settings.err = err
		return
	}
	g.settings = nil
}

func (g *Game) drawSettings(dst *ebiten.Image) {
	p := g.settings
	s := g.scale
	box := g.settingsBox()
	g.spr.fillRect(dst, g.lay.Screen, withAlpha(colBackground, 0.75))
	g.spr.fillRect(dst, box, colPanelEdge)
	g.spr.fillRect(dst, box.Inset(1*s), colPanel)
	drawText(dst, g.tr("settings.title"), face(16*s, true), box.X+20*s, box.Y+22*s, colText, alignStart)
	f := face(12.5*s, false)
	row := func(i int, label, value, explain string, off bool) {
		r := g.settingsRow(i)
		y := r.Y + (r.H-3*s)/2
		labelCol, valueCol := colText, colAccent
		if off {
			labelCol, valueCol = colTextDim, colTextDim
		}
		drawText(dst, label, f, box.X+20*s, y, labelCol, alignStart)
		drawText(dst, value, face(12.5*s, true), box.X+277*s, y, valueCol, alignCenter)
		lines := g.settingsExplainLines(explain)
		ly := y - float64(len(lines)-1)*settingsExplainH*s/2
		for _, line := range lines {
			drawText(dst, line, g.settingsExplainFace(), box.X+settingsExplainX*s, ly, colTextDim, alignStart)
			ly += settingsExplainH * s
		}
	}
	row(0, g.tr("settings.theme"), g.tr("settings.theme."+chosenThemeName()), g.tr(themeExplainKey), false)
	row(1, g.tr("app.language"), g.lang.Name(), g.tr(langExplainKey), false)
	// The preferences are set apart from the settings of the run.
	sep := g.settingsRow(prefRows)
	g.spr.fillRect(dst, Rect{box.X + 20*s, sep.Y - 2*s, box.W - 40*s, 1 * s}, colPanelEdge)
	for i, r := range settingsRows {
		row(prefRows+i, g.tr(r.key), r.get(g.lang, &p.draft), g.tr(r.explainKey()), r.disabled(&p.draft))
	}
	for _, c := range g.settingsControls() {
		b := c.Button
		bg, fg := g.buttonColor(b), colText
		if c.row >= prefRows && settingsRows[c.row-prefRows].disabled(&p.draft) {
			bg, fg = colPanelEdge, colTextDim
		}
		g.spr.fillRect(dst, b.Rect, bg)
		drawText(dst, b.Label, f, b.Rect.CenterX(), b.Rect.CenterY(), fg, alignCenter)
	}
	lines, col := g.settingsErrorLines(), colBad
	if len(lines) == 0 {
		lines, col = g.settingsNoteLines(), colTextDim
	}
	y := box.Y + box.H - 29*s - float64(len(lines)-1)*settingsErrorH*s/2
	for _, line := range lines {
		drawText(dst, line, g.settingsErrorFace(), box.X+20*s, y, col, alignStart)
		y += settingsErrorH * s
	}
}

// settingsErrorH is the distance between the two lines of a refused
// Apply's reason, in logical pixels.
const settingsErrorH = 14

// settingsErrorFace is the face a refused Apply's reason is drawn in.
func (g *Game) settingsErrorFace() text.Face { return face(12*g.scale, false) }

// settingsErrorLines is why the last Apply was refused, in the app's
// language, wrapped to the room left of Apply on two lines at most (the
// second ends in "…" if it must): none when nothing was refused.
func (g *Game) settingsErrorLines() []string {
	if g.settings == nil || g.settings.err == nil {
		return nil
	}
	return g.settingsFootLines(i18n.ErrorIn(g.settings.err, g.lang))
}

// settingsFootLines is a sentence of the dialog's foot (a refusal, or a
// note), wrapped to the room left of Apply on two lines at most (the
// second ends in "…" if it must).
func (g *Game) settingsFootLines(sentence string) []string {
	f := g.settingsErrorFace()
	width := g.settingsBox().W - 420*g.scale
	lines := wrapPlain(sentence, f, width)
	if len(lines) > 2 {
		lines = []string{lines[0], ellipsize(strings.Join(lines[1:], " "), f, width)}
	}
	return lines
}

// settingsLayer is the settings dialog (drawSettings), in front of
// everything while it is open: it takes every press, and explains its
// rows.
type settingsLayer struct{ g *Game }

func (p settingsLayer) draw(dst *ebiten.Image) { p.g.drawSettings(dst) }

func (p settingsLayer) press(x, y float64, long bool) bool {
	p.g.clickSettings(x, y)
	return true
}

func (p settingsLayer) tip(x, y float64) (tooltip, bool) {
	return tooltip{text: p.g.settingsHint(x, y)}, true
}
