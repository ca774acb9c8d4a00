package picture

import (
	"strings"
	"testing"

	"github.com/raftlab/raftlab/internal/lab"
	"github.com/raftlab/raftlab/playground"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/stretchr/testify/require"
)

// TestExportDiagram: the app's Save menu asks Export for a file named
// ...-diagram.svg and gets the space-time diagram, in the reader's
// language.
func TestExportDiagram(t *testing.T) {
	sc, err := playground.LoadBundled("leader-crash")
	require.NoError(t, err)
	sess, err := lab.New().Start(sc)
	require.NoError(t, err)
	data, err := Export("raftlab"+DiagramSuffix, sc.Name, sess, 500, 2500, i18n.Chinese, false)
	require.NoError(t, err)
	svg := string(data)
	require.True(t, strings.HasPrefix(svg, "<svg "))
	require.Positive(t, strings.Count(svg, `class="arrow"`))
	require.Contains(t, svg, "时空图")
}
