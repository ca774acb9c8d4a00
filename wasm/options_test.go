package main

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func query(t *testing.T, raw string) url.Values {
	t.Helper()
	q, err := url.ParseQuery(raw)
	require.NoError(t, err)
	return q
}

func TestOptionsFromQuery(t *testing.T) {
	o, err := optionsFromQuery(query(t, ""))
	require.NoError(t, err)
	assert.Nil(t, o.scenario, "no parameters: the default sandbox")
	assert.False(t, o.empty)

	o, err = optionsFromQuery(query(t, "scenario=leader-crash"))
	require.NoError(t, err)
	require.NotNil(t, o.scenario)
	assert.Equal(t, 5, o.scenario.Settings.Nodes)
	assert.NotEmpty(t, o.scenario.Steps)

	o, err = optionsFromQuery(query(t, "empty=1"))
	require.NoError(t, err)
	assert.True(t, o.empty)

	o, err = optionsFromQuery(query(t, "nodes=9&load=200"))
	require.NoError(t, err)
	require.NotNil(t, o.scenario)
	assert.Equal(t, 9, o.scenario.Settings.Nodes)

	o, err = optionsFromQuery(query(t, "nodes=3"))
	require.NoError(t, err)
	assert.Equal(t, 3, o.scenario.Settings.Nodes)

	o, err = optionsFromQuery(query(t, "lesson=6&step=3"))
	require.NoError(t, err)
	assert.Equal(t, [2]int{6, 3}, [2]int{o.lesson, o.step})
	assert.Nil(t, o.scenario)
}

func TestOptionsFromQueryErrors(t *testing.T) {
	for raw, want := range map[string]string{
		"scenario=nope":               `no bundled scenario named "nope" (have: `,
		"scenario=":                   `no bundled scenario named ""`,
		"scenario=../../etc/passwd":   `no bundled scenario named`,
		"scenario=figure7&nodes=3":    "cannot be combined",
		"nodes=0&load=10":             "nodes must be 1..9, not 0",
		"nodes=10":                    "nodes must be 1..9, not 10",
		"nodes=five":                  `nodes="five" is not a whole number`,
		"nodes=5&load=-1":             "load must be 0..5000",
		"nodes=5&load=1e9":            `load="1e9" is not a whole number`,
		"empty=yes":                   `empty="yes": use empty=1`,
		"lesson=99":                   "there is no lesson 99 (the lessons are numbered 1 to 19)",
		"lesson=3&step=9":             "lesson 3 has steps 1 to 8, not 9",
		"lesson=3&step=-1":            "lesson 3 has steps 1 to 8, not -1",
		"lesson=three":                `lesson="three" is not a whole number`,
		"step=2":                      "step=2 needs lesson=N",
		"lesson=3&scenario=figure7":   "cannot be combined",
		"chapter=1":                   `unknown URL parameter "chapter"`,
		"scenario=figure7&scenario=x": "given 2 times",
	} {
		_, err := optionsFromQuery(query(t, raw))
		if assert.Error(t, err, raw) {
			assert.Contains(t, err.Error(), want, raw)
		}
	}
}
