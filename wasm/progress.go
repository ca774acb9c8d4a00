//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/raftlab/raftlab/playground/i18n"
)

// The localStorage keys: lesson progress, and the learner's preferences.
const (
	progressKey = "raftlab.lessonProgress"
	prefsKey    = "raftlab.prefs"
)

// localStore keeps a document under its key in the browser's
// localStorage, so a learner who comes back to the page finds the lessons
// where they left them, in the theme they chose. Browsers may refuse
// storage (private windows, disabled site data, a full quota): reading
// window.localStorage or calling it then throws, which is an error the
// lesson panel shows, never a failure.
type localStore struct{ key string }

func (s localStore) Load() ([]byte, error) {
	var data []byte
	err := withStorage("browser.storage.unreadable", func(st js.Value) {
		if v := st.Call("getItem", s.key); v.Type() == js.TypeString {
			data = []byte(v.String())
		}
	})
	return data, err
}

func (s localStore) Save(data []byte) error {
	return withStorage("browser.storage.full", func(st js.Value) {
		st.Call("setItem", s.key, string(data))
	})
}

// withStorage calls f with window.localStorage, turning a missing storage
// or a JavaScript exception (which syscall/js raises as a panic) into a
// translatable error: failed is the catalogue key of what went wrong.
func withStorage(failed string, f func(st js.Value)) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = i18n.Errorf(failed)
		}
	}()
	// Through Reflect.get, not Get: a property read that throws (a frame
	// of another site's page, where the browser blocks its storage)
	// escapes syscall/js's Get and stops the program; a call's exception
	// becomes the panic recovered above.
	st := js.Global().Get("Reflect").Call("get", js.Global(), "localStorage")
	if st.IsUndefined() || st.IsNull() {
		return i18n.Errorf("browser.storage.none")
	}
	f(st)
	return nil
}
