package playground

import (
	"testing"

	"github.com/raftlab/raftlab/playground/view"
)

// TestCommandCache: the cache gives what DecodeCommand gives, whatever it
// holds: the same entry's bytes come from the cache, other bytes at the
// same index (same length, another command) are decoded afresh.
func TestCommandCache(t *testing.T) {
	var c commandCache
	a := EncodeCommand(view.Command{Client: 1, Seq: 1, Op: view.OpPut, Key: "k", Value: "a"})
	b := EncodeCommand(view.Command{Client: 1, Seq: 1, Op: view.OpPut, Key: "k", Value: "b"})
	check := func(index uint64, data []byte) {
		t.Helper()
		want, _ := DecodeCommand(data)
		got, err := c.decode(index, data)
		if err != nil || got != want {
			t.Fatalf("decode(%d) = %v, %v; want %v", index, got, err, want)
		}
	}
	check(5, a)
	check(5, a)
	check(5, b)
	check(5+commandCacheSize, a)
	check(5, b)
	// A repeat is served from the cache: it gives the command the bytes
	// held when they were decoded (entries never change; this test's do).
	want, _ := DecodeCommand(b)
	b[len(b)-2] = 'c'
	if got, _ := c.decode(5, b); got != want {
		t.Fatalf("a repeat was decoded again: %v", got)
	}
	if _, err := c.decode(6, []byte{1}); err == nil {
		t.Fatal("malformed data decoded")
	}
	if _, err := c.decode(6, nil); err == nil {
		t.Fatal("empty data decoded")
	}
}
