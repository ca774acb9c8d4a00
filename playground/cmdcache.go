package playground

import "github.com/raftlab/raftlab/playground/view"

// commandCacheSize is how many decoded commands a commandCache holds; a
// power of two. Every node applies an entry within a few round trips of the
// others, far fewer entries apart than this.
const commandCacheSize = 64

// commandCache remembers the latest log entries' decoded commands, by log
// index. Every node applies every write, and a follower's entry holds the
// very bytes the leader's does (entries travel in messages by reference),
// so the world decodes a write once rather than once per node. An entry's
// data is never modified once the entry exists, so the same bytes (the same
// array, and length) always decode to the same command: what comes out does
// not depend on what was cached.
//
// It is a plain value: a world's clone gets a copy of its own.
type commandCache [commandCacheSize]struct {
	data []byte
	cmd  view.Command
}

// decode returns the command in data, the data of the log entry at index.
func (c *commandCache) decode(index uint64, data []byte) (view.Command, error) {
	s := &c[index%commandCacheSize]
	if len(data) > 0 && len(s.data) == len(data) && &s.data[0] == &data[0] {
		return s.cmd, nil
	}
	cmd, err := DecodeCommand(data)
	if err != nil {
		return view.Command{}, err
	}
	s.data, s.cmd = data, cmd
	return cmd, nil
}
