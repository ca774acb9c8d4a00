package view

import "slices"

// Network is the network as a screen shows it: how the servers are
// partitioned and which one-way links are cut by hand.
type Network struct {
	// Groups is each server's partition group, by ID from 0 (None's, 0)
	// to the largest ID; all 0: no partition.
	Groups []int
	// Cuts are the one-way links cut by hand, as {from, to}, in order.
	Cuts [][2]ID
	// LatencyMs, DropRate and DuplicateRate are the network's settings as
	// they stand.
	LatencyMs               [2]int64
	DropRate, DuplicateRate float64
	// Manual is set while the user delivers the messages between servers
	// by hand (the flights that wait are Held).
	Manual bool
}

// Group is a server's partition group.
func (n *Network) Group(id ID) int {
	if int(id) >= len(n.Groups) {
		return 0
	}
	return n.Groups[id]
}

// IsCut reports whether the one-way link from -> to is cut by hand (not
// by a partition).
func (n *Network) IsCut(from, to ID) bool { return slices.Contains(n.Cuts, [2]ID{from, to}) }

// Partitioned reports whether the servers are split into groups.
func (n *Network) Partitioned() bool {
	for _, g := range n.Groups {
		if g != 0 {
			return true
		}
	}
	return false
}
