package playground

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/raftlab/raftlab/playground/i18n"
)

// CheckJSON refuses what encoding/json lets through silently but a
// scenario file must not hold: nothing at all (json says only "EOF"),
// invalid UTF-8 (json replaces it with U+FFFD) and a field given twice in
// one object (json keeps the last). Other syntax errors are left to the
// decoder, which names them.
func CheckJSON(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return &ScenarioError{Step: -1, Msg: i18n.Msg("scenario.json.empty")}
	}
	if !utf8.Valid(data) {
		return &ScenarioError{Step: -1, Msg: i18n.Msg("scenario.json.utf8", invalidUTF8At(data))}
	}
	return duplicateField(data)
}

// invalidUTF8At is the offset of the first byte of data that is not UTF-8.
func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// jsonFrame is an object or a list being read, and where in it the reader
// is: the fields seen so far and the current one, or the current index.
type jsonFrame struct {
	object  bool
	fields  map[string]bool
	field   string
	wantKey bool
	index   int
}

// duplicateField finds the first field given twice in one object, and
// names it by its path: a step's field with the step's index.
func duplicateField(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	var stack []*jsonFrame
	// valueDone moves the enclosing object or list past a value.
	valueDone := func() {
		if len(stack) == 0 {
			return
		}
		if top := stack[len(stack)-1]; top.object {
			top.wantKey = true
		} else {
			top.index++
		}
	}
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil // the end, or a syntax error the decoder will name
		}
		if n := len(stack); n > 0 && stack[n-1].object && stack[n-1].wantKey {
			if d, ok := tok.(json.Delim); ok && d == '}' {
				stack = stack[:n-1]
				valueDone()
				continue
			}
			top, key := stack[n-1], fmt.Sprint(tok)
			if top.fields[key] {
				top.field = key
				return duplicateError(stack)
			}
			top.fields[key], top.field, top.wantKey = true, key, false
			continue
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &jsonFrame{object: true, fields: map[string]bool{}, wantKey: true})
		case json.Delim('['):
			stack = append(stack, &jsonFrame{})
		case json.Delim(']'):
			stack = stack[:len(stack)-1]
			valueDone()
		default:
			valueDone()
		}
	}
}

// duplicateError names the field at the top of stack: steps[i] and the
// field within the step, or the field's path from the top of the file.
func duplicateError(stack []*jsonFrame) error {
	var path []string
	for _, f := range stack {
		switch {
		case f.object:
			path = append(path, f.field)
		case len(path) == 0:
			path = append(path, fmt.Sprintf("[%d]", f.index))
		default:
			path[len(path)-1] += fmt.Sprintf("[%d]", f.index)
		}
	}
	se := &ScenarioError{Step: -1, Msg: i18n.Msg("scenario.json.duplicate")}
	if len(stack) > 2 && stack[0].object && stack[0].field == "steps" && !stack[1].object {
		se.Step, path = stack[1].index, path[1:]
	}
	se.Field = strings.Join(path, ".")
	return se
}
