package ui

import (
	"image/color"
	"slices"
	"strings"

	"github.com/raftlab/raftlab/playground/view"
)

// A joint configuration (etcd's engine replaces several voters at once)
// has two halves: the voters being left (Membership.Outgoing) and those
// going to (Voters), and every decision needs a majority of each. The
// cluster marks the servers in one half only: leaving, or joining.

// jointSide is where a server stands in the joint configuration in force.
type jointSide uint8

const (
	// jointNone: no joint configuration, or the server is in both halves
	// (or neither).
	jointNone jointSide = iota
	// jointLeaving: in the outgoing half only.
	jointLeaving
	// jointJoining: in the incoming half only.
	jointJoining
)

// jointConfig is the configuration the cluster is in, as the leader knows
// it (it is the first to enter a joint configuration and to leave it),
// else as the first live server in a joint one knows it: not joint (no
// Outgoing) when none is.
func jointConfig(w *view.World) view.Membership {
	if id, ok := w.Leader(); ok {
		if n := w.Node(id); n != nil && n.Up {
			return n.Members
		}
	}
	for i := range w.Nodes {
		if n := &w.Nodes[i]; n.Up && len(n.Members.Outgoing) > 0 {
			return n.Members
		}
	}
	return view.Membership{}
}

// sideOf is where server id stands in configuration m: none when m is
// not joint.
func sideOf(m view.Membership, id view.ID) jointSide {
	in, out := m.IsVoter(id), slices.Contains(m.Outgoing, id)
	switch {
	case len(m.Outgoing) == 0:
		return jointNone
	case out && !in:
		return jointLeaving
	case in && !out:
		return jointJoining
	}
	return jointNone
}

// key is the catalogue key of the word under a server's name in one half
// only, in the place of its role (its colour still shows the role).
func (j jointSide) key() string {
	if j == jointLeaving {
		return "cluster.joint.leaving"
	}
	return "cluster.joint.joining"
}

// color is the colour of a half's word: the cut links' red for the
// servers going, the healthy green for those coming.
func (j jointSide) color() color.RGBA {
	if j == jointLeaving {
		return colCut
	}
	return colOK
}

// nameSet writes servers as the inspector names them: {S1, S2, S3}.
func nameSet(ids []view.ID) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = id.Name()
	}
	return "{" + strings.Join(names, ", ") + "}"
}
