package main

import (
	"testing"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReadLink: a share link in the fragment sets the world and wins over
// the parameters that would set another, saying so; ?lang= stays; a
// damaged link is a problem and the page opens as if it were not there.
func TestReadLink(t *testing.T) {
	sc, err := playground.LoadBundled("leader-crash")
	require.NoError(t, err)
	frag, err := playground.EncodeLink(view.Link{Scenario: sc, AtMs: 1200})
	require.NoError(t, err)

	o := optionsFromQuery(query(t, ""))
	o.readLink("#"+frag, query(t, ""))
	require.NotNil(t, o.link)
	assert.Equal(t, int64(1200), o.link.AtMs)
	assert.Empty(t, o.problems)

	q := query(t, "lesson=3&nodes=4&lang=zh-CN")
	o = optionsFromQuery(q)
	o.readLink("#"+frag, q)
	require.NotNil(t, o.link)
	assert.Zero(t, o.lesson, "the link wins")
	assert.Equal(t, i18n.Chinese, o.lang, "?lang= still chooses")
	assert.Contains(t, o.problemsIn(i18n.English), "a share link sets its own world, time and lesson, so nodes, lesson was not used")

	o = optionsFromQuery(query(t, "scenario=figure7"))
	o.readLink("#"+frag[:len(frag)/2], query(t, "scenario=figure7"))
	assert.Nil(t, o.link)
	assert.NotNil(t, o.scenario, "a damaged link leaves the page as its parameters ask")
	require.Len(t, o.problems, 1)
	assert.Contains(t, o.problemsIn(i18n.English)[0], "the link is damaged")

	o = optionsFromQuery(query(t, ""))
	o.readLink("#", query(t, ""))
	assert.Nil(t, o.link)
	assert.Empty(t, o.problems, "a bare # is no link")
}
