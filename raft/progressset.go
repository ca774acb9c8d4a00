package raft

import "slices"

// progressSet holds the leader's Progress of each other member, by ID. A
// cluster has a handful of members, and a leader looks one up for every
// message it sends or receives: scanning their IDs, side by side in a
// slice, finds it sooner than a map hashes its key.
type progressSet struct {
	ids []ID
	prs []*Progress // prs[i] is the progress of ids[i]
}

// get returns the progress of id, or nil when it has none.
func (s *progressSet) get(id ID) *Progress {
	for i, x := range s.ids {
		if x == id {
			return s.prs[i]
		}
	}
	return nil
}

// add adds p, the progress of a member that has none yet.
func (s *progressSet) add(p *Progress) {
	s.ids = append(s.ids, p.ID)
	s.prs = append(s.prs, p)
}

// retain drops the progress of every member for which keep is false.
func (s *progressSet) retain(keep func(ID) bool) {
	n := 0
	for i, id := range s.ids {
		if keep(id) {
			s.ids[n], s.prs[n] = id, s.prs[i]
			n++
		}
	}
	clear(s.prs[n:])
	s.ids, s.prs = s.ids[:n], s.prs[:n]
}

// reset drops every progress.
func (s *progressSet) reset() { s.retain(func(ID) bool { return false }) }

// all returns every progress, in no particular order.
func (s *progressSet) all() []*Progress { return s.prs }

// clone returns a copy that shares nothing with s.
func (s *progressSet) clone() progressSet {
	c := progressSet{ids: slices.Clone(s.ids), prs: make([]*Progress, len(s.prs))}
	for i, p := range s.prs {
		c.prs[i] = p.clone()
	}
	return c
}
