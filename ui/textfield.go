package ui

import (
	"unicode"
	"unicode/utf8"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
)

// clientField names the client panel's text field that has the keyboard.
type clientField int

const (
	fieldNone clientField = iota
	fieldKey
	fieldValue
)

// maxFieldRunes bounds what a field holds: a key or value longer than this
// would not fit the panel, and a learner has no use for one.
const maxFieldRunes = 20

// takeFieldInput gives the keyboard to the client panel's focused field,
// if one has focus, and reports whether one had: the global single-key
// shortcuts (space, c, r, s, ?) must not fire while the learner types.
func (g *Game) takeFieldInput() bool {
	if g.client.focus == fieldNone {
		return false
	}
	// A slow frame brings several keys in one update, in no known order:
	// Backspace most likely came before the characters, Enter, Tab and Esc
	// after them.
	if inpututil.IsKeyJustPressed(ebiten.KeyBackspace) {
		g.fieldKey(ebiten.KeyBackspace)
	}
	g.client.runes = ebiten.AppendInputChars(g.client.runes[:0])
	g.typeRunes(g.client.runes)
	for _, k := range []ebiten.Key{ebiten.KeyEnter, ebiten.KeyNumpadEnter, ebiten.KeyTab, ebiten.KeyEscape} {
		if inpututil.IsKeyJustPressed(k) {
			g.fieldKey(k)
		}
	}
	return true
}

// shortcuts are the keyboard shortcuts that act now: none while a client
// panel field has the keyboard (takeFieldInput reads it then).
func (g *Game) shortcuts() []keyAction {
	if g.takeFieldInput() {
		return nil
	}
	return g.keyActions()
}

// typeRunes adds typed characters to the focused field; control
// characters are left out.
func (g *Game) typeRunes(rs []rune) {
	p := g.fieldText()
	if p == nil {
		return
	}
	for _, r := range rs {
		if unicode.IsPrint(r) && utf8.RuneCountInString(*p) < maxFieldRunes {
			*p += string(r)
		}
	}
}

// fieldKey handles an editing key in the focused field: Backspace deletes
// the last character, Enter sends a put of the fields' key and value, Tab
// moves between the fields and Esc leaves them.
func (g *Game) fieldKey(k ebiten.Key) {
	switch k {
	case ebiten.KeyBackspace:
		if p := g.fieldText(); p != nil && *p != "" {
			_, n := utf8.DecodeLastRuneInString(*p)
			*p = (*p)[:len(*p)-n]
		}
	case ebiten.KeyEnter, ebiten.KeyNumpadEnter:
		g.client.clientPut()
	case ebiten.KeyTab:
		g.client.focus = fieldKey + fieldValue - g.client.focus
	case ebiten.KeyEscape:
		g.client.focus = fieldNone
	}
}

// fieldText is the text of the focused field, or nil.
func (g *Game) fieldText() *string {
	switch g.client.focus {
	case fieldKey:
		return &g.client.keyText
	case fieldValue:
		return &g.client.value
	}
	return nil
}
