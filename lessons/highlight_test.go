package lessons

import (
	"testing"

	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGroupHighlight: "group" names two or more servers, with an optional
// caption in double quotes; several groups may share a line; bad groups
// are errors that say what is expected.
func TestGroupHighlight(t *testing.T) {
	hs, err := parseHighlights(`group 1 2 3 "majority of old", group 3 4 5, node 1`, firstServers(5))
	require.NoError(t, err)
	require.Len(t, hs, 3)
	assert.Equal(t, doc.Highlight{What: doc.HighlightGroup, Group: []view.ID{1, 2, 3}, Caption: "majority of old"}, hs[0])
	assert.Equal(t, doc.Highlight{What: doc.HighlightGroup, Group: []view.ID{3, 4, 5}}, hs[1])
	assert.Equal(t, `group 1 2 3 "majority of old"`, hs[0].String())
	assert.Equal(t, "group 3 4 5", hs[1].String())

	for line, msg := range map[string]string{
		"group 1":                "a group needs two servers or more",
		"group":                  "a group needs two servers or more",
		"group 1 6":              `expected server numbers from 1 to 5, not "6"`,
		"group 1 leader":         `not "leader"`,
		"group 1 1":              "S1 is named twice",
		`group 1 2 "old`:         "expected a caption in double quotes",
		`group 1 2 "old" "new"`:  "expected a caption in double quotes",
		`group "old" 1 2`:        "a caption in double quotes after the servers",
		"groups 1 2":             "expected node, leader, link, messages, log, control, label or group",
		`group 1 2 "majority" 3`: "expected a caption in double quotes",
		`group 1 2 ""`:           "expected a caption in double quotes",
	} {
		_, err := parseHighlights(line, firstServers(5))
		assert.ErrorContains(t, err, msg, line)
	}

	// In a lesson: the line of the step names the field.
	_, err = Parse("g.md", []byte("---\ntitle: G\n---\n\n## One\nkind: watch\nsetup: {\"nodes\": 3}\nuntil: leader\nhighlight: group 1 4\n\nText.\n"))
	assert.ErrorContains(t, err, `highlight: "group 1 4": expected server numbers from 1 to 3, not "4"`)
}
