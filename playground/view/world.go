package view

// World is what a screen shows of a world at one moment. The playground
// builds it once per change and hands the same one to every reader, who
// must not change it.
type World struct {
	// Now is the virtual time, in milliseconds.
	Now int64
	// Nodes are the servers that exist, up or down, by ID.
	Nodes []Node
	Net   Network
	// LoadRate is the rate, in calls a second, of the client load running
	// now (a load step), or 0 when none runs.
	LoadRate int
}

// Node is the server with an ID, or nil when there is none.
func (w *World) Node(id ID) *Node {
	for i := range w.Nodes {
		if w.Nodes[i].ID == id {
			return &w.Nodes[i]
		}
	}
	return nil
}

// IDs are the servers' IDs, in order.
func (w *World) IDs() []ID {
	ids := make([]ID, len(w.Nodes))
	for i, n := range w.Nodes {
		ids[i] = n.ID
	}
	return ids
}

// Leader is the server up that leads in the highest term, if any.
func (w *World) Leader() (ID, bool) {
	var best *Node
	for i := range w.Nodes {
		n := &w.Nodes[i]
		if n.Up && n.Role == Leader && (best == nil || n.Term > best.Term) {
			best = n
		}
	}
	if best == nil {
		return None, false
	}
	return best.ID, true
}
