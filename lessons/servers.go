package lessons

import (
	"strconv"
	"strings"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/raftlab/raftlab/raft"
)

// servers is a set of server IDs (bit i for server i, 1..MaxNodes): the
// servers a step may name, which are the cluster's first ones (1..nodes of
// the setup that started it) and those an addNode action of a setup or a
// show me has added since.
type servers uint16

// firstServers is the set 1..n.
func firstServers(n int) servers {
	n = min(max(n, 0), view.MaxNodes)
	return servers((1<<(n+1) - 1) &^ 1)
}

func (s servers) has(id raft.ID) bool {
	return id >= 1 && id <= view.MaxNodes && s&(1<<id) != 0
}

func (s servers) with(id raft.ID) servers {
	if id < 1 || id > view.MaxNodes {
		return s
	}
	return s | 1<<id
}

// list is the servers in order.
func (s servers) list() []raft.ID {
	var ids []raft.ID
	for id := raft.ID(1); id <= view.MaxNodes; id++ {
		if s.has(id) {
			ids = append(ids, id)
		}
	}
	return ids
}

// withAdded adds the servers the script's addNode actions start.
func (s servers) withAdded(sc *Script) servers {
	if sc == nil {
		return s
	}
	for i, st := range sc.Steps {
		if st.Do == "addNode" && !sc.isRef(i, "node") {
			s = s.with(raft.ID(st.Node))
		}
	}
	return s
}

// describe names the set for error messages: "1 to 3", or "1 to 3, or 5
// (added by addNode)".
func (s servers) describe() i18n.Message {
	n := 0
	for s.has(raft.ID(n + 1)) {
		n++
	}
	var extra []string
	for id := raft.ID(n + 1); id <= view.MaxNodes; id++ {
		if s.has(id) {
			extra = append(extra, strconv.Itoa(int(id)))
		}
	}
	if len(extra) > 0 {
		return msg("lessons.servers.added", n, strings.Join(extra, ", "))
	}
	return msg("lessons.servers", n)
}
