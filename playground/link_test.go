package playground

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// linkSession is a 5-minute session of 100 actions of every common kind:
// writes and reads, crashes and restarts, a partition and its healing.
func linkSession(t *testing.T) *view.Scenario {
	t.Helper()
	sc := &view.Scenario{Name: "shared", Settings: view.DefaultSettings(), Until: 300_000}
	for i := range 100 {
		at := int64(i+1) * 2900
		a := view.Action{At: at, Do: "put", Key: fmt.Sprintf("k%d", i%7), Value: fmt.Sprint(i)}
		switch i % 10 {
		case 3:
			a = view.Action{At: at, Do: "get", Key: fmt.Sprintf("k%d", i%7)}
		case 5:
			a = view.Action{At: at, Do: "crash", Node: view.ID(i%5 + 1)}
		case 6:
			a = view.Action{At: at, Do: "restart", Node: view.ID((i-1)%5 + 1)}
		case 8:
			a = view.Action{At: at, Do: "isolate", Node: 2}
		case 9:
			a = view.Action{At: at, Do: "heal"}
		}
		sc.Actions = append(sc.Actions, a)
	}
	return sc
}

// linkState is the state a person sees at the link's moment: the result
// document of the scenario run to it.
func linkState(t *testing.T, sc *view.Scenario, at int64) string {
	t.Helper()
	w, err := NewWorld(sc)
	require.NoError(t, err)
	s := NewSession(w, sc.Actions)
	s.RunUntil(at)
	b, err := json.Marshal(s.World().State(sc.Name))
	require.NoError(t, err)
	return string(b)
}

// TestLinkRoundTrip: a link holds the scenario, every action, the moment,
// the lesson and step and the language, as a whole URL or its fragment;
// opened, it runs to the very state its sharer saw. A 5-minute session of
// 100 actions fits in a URL.
func TestLinkRoundTrip(t *testing.T) {
	sc := linkSession(t)
	want := view.Link{Scenario: sc, AtMs: 151_234, Lesson: 3, Step: 2, Speed: 200, Lang: i18n.Chinese}
	frag, err := EncodeLink(want)
	require.NoError(t, err)
	t.Logf("a 5-minute session of %d actions: a link of %d bytes", len(sc.Actions), len(frag))
	assert.Less(t, len(frag), 8<<10, "fits in a URL")
	assert.True(t, strings.HasPrefix(frag, "v1."))
	for _, text := range []string{frag, "#" + frag, "https://raftlab.example/?lang=en#" + frag, " " + frag + "\n"} {
		got, err := DecodeLink(text)
		require.NoError(t, err, text[:min(len(text), 40)])
		assert.Equal(t, want.AtMs, got.AtMs)
		assert.Equal(t, want.Lesson, got.Lesson)
		assert.Equal(t, want.Step, got.Step)
		assert.Equal(t, want.Speed, got.Speed)
		assert.Equal(t, want.Lang, got.Lang)
		a, err := MarshalScenario(sc)
		require.NoError(t, err)
		b, err := MarshalScenario(got.Scenario)
		require.NoError(t, err)
		assert.Equal(t, string(a), string(b), "the same scenario file")
	}
	got, err := DecodeLink(frag)
	require.NoError(t, err)
	assert.Equal(t, linkState(t, sc, want.AtMs), linkState(t, got.Scenario, got.AtMs), "the same state")
	assert.False(t, got.Play, "a shared link opens paused")

	// A new run handed to another build plays on.
	frag, err = EncodeLink(view.Link{Scenario: sc, Play: true})
	require.NoError(t, err)
	got, err = DecodeLink(frag)
	require.NoError(t, err)
	assert.True(t, got.Play)
}

// linkOf is a link holding doc as its document, packed as EncodeLink packs.
func linkOf(doc string) string {
	var z bytes.Buffer
	w, _ := flate.NewWriter(&z, flate.BestCompression)
	w.Write([]byte(doc))
	w.Close()
	return "v1." + base64.RawURLEncoding.EncodeToString(z.Bytes())
}

// TestLinkDamaged: a damaged, cut, foreign or hostile link gets a one-line
// message, in both languages, naming what is wrong.
func TestLinkDamaged(t *testing.T) {
	good, err := EncodeLink(view.Link{Scenario: linkSession(t), AtMs: 1000})
	require.NoError(t, err)
	scenario := `{"name": "t", "nodes": 3}`
	bomb := linkOf(`{"scenario": "` + strings.Repeat(" ", MaxScenarioBytes+8192) + `"}`)
	for _, tc := range []struct {
		name, link, want string
	}{
		{"empty", "https://raftlab.example/#", "nothing follows its #"},
		{"no fragment", "https://raftlab.example/", "not a RaftLab share link"},
		{"another version", "v2." + good[3:], "version v2; this RaftLab reads version v1"},
		{"a version that is none", "v\n." + good[3:], "not a RaftLab share link"},
		{"a version too long to be one", "v12345678." + good[3:], "not a RaftLab share link"},
		{"not base64", good[:40] + "*" + good[41:], "characters a share link never has"},
		{"cut short", good[:len(good)/2], "damaged"},
		{"too long", "v1." + strings.Repeat("A", MaxLinkBytes), "longer than 1 MiB"},
		{"a bomb", bomb, "unpacks to more than 4 MiB"},
		{"not a document", linkOf(`[1, 2]`), "not a RaftLab state"},
		{"an unknown field", linkOf(`{"scenario": ` + scenario + `, "extra": 1}`), "not a RaftLab state"},
		{"no scenario", linkOf(`{"atMs": 5}`), "holds no scenario"},
		{"a moment out of range", linkOf(`{"scenario": ` + scenario + `, "atMs": -1}`), "between 0 and 3600000 ms, not -1"},
		{"a step without a lesson", linkOf(`{"scenario": ` + scenario + `, "step": 2}`), "lesson 0, step 2"},
		{"a moment past the end", linkOf(`{"scenario": {"name": "t", "nodes": 3, "until": 1000}, "atMs": 5000}`), "the link's moment, 5000 ms, is past its scenario's end (1000 ms)"},
		{"a speed out of range", linkOf(`{"scenario": ` + scenario + `, "speed": 5000}`), "between 0 and 1000 virtual ms per second, not 5000"},
		{"an unknown language", linkOf(`{"scenario": ` + scenario + `, "lang": "fr"}`), `language "fr"`},
		{"a bad scenario", linkOf(`{"scenario": {"name": "t", "nodes": 12}}`), "the link's scenario: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DecodeLink(tc.link)
			require.Error(t, err)
			msg := err.Error()
			assert.Contains(t, msg, tc.want)
			assert.NotContains(t, msg, "\n", "one line")
			zh := i18n.ErrorIn(err, i18n.Chinese)
			assert.NotEqual(t, msg, zh, "said in Chinese too")
			assert.NotContains(t, zh, "\n")
		})
	}
}

// TestLinkMutated: a link with bytes flipped, cut anywhere or grown opens
// or is refused in one line; it never panics.
func TestLinkMutated(t *testing.T) {
	good, err := EncodeLink(view.Link{Scenario: linkSession(t), AtMs: 1000, Lesson: 1, Step: 1})
	require.NoError(t, err)
	r := rand.New(rand.NewPCG(5, 6))
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.#%"
	refused := 0
	for i := range 400 {
		b := []byte(good)
		switch i % 3 {
		case 0:
			for range 1 + r.IntN(3) {
				b[r.IntN(len(b))] = alphabet[r.IntN(len(alphabet))]
			}
		case 1:
			b = b[:r.IntN(len(b))]
		case 2:
			b = append(b, good[r.IntN(len(good)):]...)
		}
		if _, err := DecodeLink(string(b)); err != nil {
			refused++
			assert.NotContains(t, err.Error(), "\n")
		}
	}
	assert.Greater(t, refused, 300, "damage is noticed")
}

// FuzzDecodeLink: whatever a link holds, opening it ends in a link or in
// a one-line error; it never panics.
func FuzzDecodeLink(f *testing.F) {
	for _, name := range BundledScenarios() {
		sc, err := LoadBundled(name)
		require.NoError(f, err)
		link, err := EncodeLink(view.Link{Scenario: sc, AtMs: 500})
		require.NoError(f, err)
		f.Add(link)
	}
	f.Add(linkOf(`{"scenario": {"name": "t", "nodes": 3}, "lesson": 2, "step": 1, "lang": "zh-CN"}`))
	f.Fuzz(func(t *testing.T, link string) {
		if _, err := DecodeLink(link); err != nil && strings.Contains(err.Error(), "\n") {
			t.Fatalf("a message of more than one line: %q", err)
		}
	})
}
