package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestShareLinkFile: the desktop's Share saves the link to a new file and
// prints it; --link opens the file, or the link printed.
func TestShareLinkFile(t *testing.T) {
	t.Chdir(t.TempDir())
	sc, err := playground.LoadBundled("figure7")
	require.NoError(t, err)
	frag, err := playground.EncodeLink(view.Link{Scenario: sc, AtMs: 900})
	require.NoError(t, err)
	var out bytes.Buffer
	share := linkSaver("https://course.example/raftlab/", &out)
	path, err := share(frag)
	require.NoError(t, err)
	assert.Equal(t, "raftlab-link.txt", path)
	again, err := share(frag)
	require.NoError(t, err)
	assert.Equal(t, "raftlab-link-2.txt", again, "an earlier link is kept")
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	link := strings.TrimSpace(string(data))
	assert.Equal(t, "https://course.example/raftlab/#"+frag, link)
	assert.Contains(t, out.String(), link)

	for _, arg := range []string{path, link, frag} {
		c, err := parseArgs([]string{"--link", arg}, &out)
		require.NoError(t, err, arg)
		require.NotNil(t, c.link)
		assert.Equal(t, int64(900), c.link.AtMs)
		assert.Equal(t, sc.Name, c.link.Scenario.Name)
	}
	_, err = parseArgs([]string{"--link", filepath.Join("no", "such.txt")}, &out)
	require.Error(t, err, "neither a file nor a link")
	assert.Contains(t, err.Error(), "not a RaftLab share link")
}
