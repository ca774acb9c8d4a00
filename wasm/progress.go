//go:build js && wasm

package main

import (
	"errors"
	"syscall/js"
)

// progressKey is the localStorage key that keeps lesson progress.
const progressKey = "raftlab.lessonProgress"

// localStore keeps lesson progress in the browser's localStorage, so a
// learner who comes back to the page finds the lessons where they left
// them. Browsers may refuse storage (private windows, disabled site
// data): that is an error the lesson panel shows, never a failure.
type localStore struct{}

func (localStore) storage() (v js.Value, err error) {
	defer func() {
		// Reading window.localStorage itself throws when storage is
		// disabled.
		if r := recover(); r != nil {
			err = errors.New("this browser does not allow the page to keep data (localStorage)")
		}
	}()
	v = js.Global().Get("localStorage")
	if v.IsUndefined() || v.IsNull() {
		return v, errors.New("this browser has no localStorage")
	}
	return v, nil
}

func (s localStore) Load() (data []byte, err error) {
	st, err := s.storage()
	if err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("localStorage could not be read")
		}
	}()
	v := st.Call("getItem", progressKey)
	if v.IsNull() || v.IsUndefined() {
		return nil, nil
	}
	return []byte(v.String()), nil
}

func (s localStore) Save(data []byte) (err error) {
	st, err := s.storage()
	if err != nil {
		return err
	}
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("localStorage is full or read-only")
		}
	}()
	st.Call("setItem", progressKey, string(data))
	return nil
}
