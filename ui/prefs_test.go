package ui

import (
	"errors"
	"testing"

	"github.com/raftlab/raftlab/internal/lab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// failingStore is a Store whose every call fails.
type failingStore struct{}

func (failingStore) Load() ([]byte, error) { return nil, errors.New("no storage") }
func (failingStore) Save([]byte) error     { return errors.New("no storage") }

func TestPrefsAreKeptBetweenVisits(t *testing.T) {
	darkAfter(t)
	st := &memStore{}
	g, err := New(Options{Lab: lab.New(), Prefs: st})
	require.NoError(t, err)
	assert.Equal(t, Prefs{}, g.prefs, "a first visit has the defaults")
	g.setPrefs(func(p *Prefs) { p.Theme, p.Welcomed = "light", true })

	again, err := New(Options{Lab: lab.New(), Prefs: st})
	require.NoError(t, err)
	assert.Equal(t, Prefs{Theme: "light", Welcomed: true}, again.prefs)
}

func TestBadPrefsAreTheDefaults(t *testing.T) {
	for name, st := range map[string]Store{
		"not json":      &memStore{data: []byte("{theme")},
		"wrong types":   &memStore{data: []byte(`{"theme": 3}`)},
		"storage fails": failingStore{},
	} {
		g, err := New(Options{Lab: lab.New(), Prefs: st})
		require.NoError(t, err, name)
		assert.Equal(t, Prefs{}, g.prefs, name)
		g.setPrefs(func(p *Prefs) { p.Welcomed = true })
		assert.True(t, g.prefs.Welcomed, "%s: the choice holds for this visit", name)
	}
}
