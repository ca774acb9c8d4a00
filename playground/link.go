package playground

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/url"
	"slices"
	"strings"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// A share link carries what a person sees, so that another can open it
// exactly (a view.Link): the scenario with every action taken (a scenario
// file), the moment on the timeline, the open lesson and step, the
// playback speed, the language, and whether it plays on. It
// lives in a URL's fragment, which browsers never send to a server:
//
//	https://host/#v1.<data>
//
// where data is the link's JSON document, deflated, in URL-safe base64
// without padding. Nothing is stored anywhere but in the link.

// linkVersion is the version of the link format EncodeLink writes and
// DecodeLink reads.
const linkVersion = "v1"

// MaxLinkBytes bounds the link text DecodeLink reads: a browser keeps a
// URL of a few megabytes, and its scenario file must fit MaxScenarioBytes
// once inflated (see decodeLinkData).
const MaxLinkBytes = 1 << 20

// MaxLinkSpeed bounds a link's playback speed (virtual milliseconds per
// second): the app's fastest is real time.
const MaxLinkSpeed = 1000

// linkDoc is a link's JSON document.
type linkDoc struct {
	Scenario json.RawMessage `json:"scenario"`
	AtMs     int64           `json:"atMs,omitempty"`
	Lesson   int             `json:"lesson,omitempty"`
	Step     int             `json:"step,omitempty"`
	Speed    int             `json:"speed,omitempty"`
	Lang     string          `json:"lang,omitempty"`
	Play     bool            `json:"play,omitempty"`
}

// EncodeLink writes l as a URL fragment, without the '#'. A scenario that
// runs without end (the app's sandbox) is written to run for
// MaxDurationMs, the most a scenario file holds: whoever opens the link
// can play on for up to an hour. It fails only when the scenario cannot
// be saved as a file (see MarshalScenario).
func EncodeLink(l view.Link) (string, error) {
	bounded := *l.Scenario
	bounded.Until = min(bounded.Until, MaxDurationMs)
	sc, err := MarshalScenario(&bounded)
	if err != nil {
		return "", err
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, sc); err != nil {
		return "", err // MarshalScenario writes valid JSON: cannot happen
	}
	doc, err := json.Marshal(linkDoc{Scenario: compact.Bytes(), AtMs: l.AtMs, Lesson: l.Lesson, Step: l.Step, Speed: l.Speed, Lang: string(l.Lang), Play: l.Play})
	if err != nil {
		return "", err
	}
	var z bytes.Buffer
	w, _ := flate.NewWriter(&z, flate.BestCompression) // (the level is valid)
	w.Write(doc)
	w.Close()
	return linkVersion + "." + base64.RawURLEncoding.EncodeToString(z.Bytes()), nil
}

// DecodeLink reads a share link: a whole URL, or its fragment with or
// without the '#'. A damaged, cut or hostile link gets an error that
// names what is wrong; it never runs anything but the parsing of the
// scenario file it holds, under that file's limits.
func DecodeLink(link string) (view.Link, error) {
	if len(link) > MaxLinkBytes {
		return view.Link{}, i18n.Errorf("link.size", MaxLinkBytes>>20)
	}
	if i := strings.LastIndexByte(link, '#'); i >= 0 {
		link = link[i+1:]
	}
	version, data, ok := strings.Cut(strings.TrimSpace(link), ".")
	switch {
	case link == "":
		return view.Link{}, i18n.Errorf("link.empty")
	case !ok || !isLinkVersion(version):
		return view.Link{}, i18n.Errorf("link.not-raftlab")
	case version != linkVersion:
		return view.Link{}, i18n.Errorf("link.version", version, linkVersion)
	}
	doc, err := decodeLinkData(data)
	if err != nil {
		return view.Link{}, err
	}
	var d linkDoc
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil || dec.More() {
		return view.Link{}, i18n.Errorf("link.document")
	}
	switch {
	case len(d.Scenario) == 0:
		return view.Link{}, i18n.Errorf("link.no-scenario")
	case d.AtMs < 0 || d.AtMs > MaxDurationMs:
		return view.Link{}, i18n.Errorf("link.time", MaxDurationMs, d.AtMs)
	case d.Lesson < 0 || d.Step < 0 || (d.Lesson == 0) != (d.Step == 0):
		return view.Link{}, i18n.Errorf("link.lesson", d.Lesson, d.Step)
	case d.Speed < 0 || d.Speed > MaxLinkSpeed:
		return view.Link{}, i18n.Errorf("link.speed", MaxLinkSpeed, d.Speed)
	case d.Lang != "" && !slices.Contains(i18n.Langs, i18n.Lang(d.Lang)):
		return view.Link{}, i18n.Errorf("link.lang", d.Lang)
	}
	sc, err := ParseScenario(d.Scenario)
	if err != nil {
		return view.Link{}, i18n.Errorf("link.scenario", err)
	}
	if d.AtMs > sc.Until {
		return view.Link{}, i18n.Errorf("link.time-until", d.AtMs, sc.Until)
	}
	return view.Link{Scenario: sc, AtMs: d.AtMs, Lesson: d.Lesson, Step: d.Step, Speed: d.Speed, Lang: i18n.Lang(d.Lang), Play: d.Play}, nil
}

// CheckLinkBase checks the address a share link made outside a browser
// starts with (raftlab --link-base, raftsim challenge link --base): the
// browser build's page, http or https, without a fragment of its own.
func CheckLinkBase(base string) error {
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Fragment != "" {
		return i18n.Errorf("link.base", base)
	}
	return nil
}

// decodeLinkData turns a link's data back into its JSON document, no
// larger than the largest scenario file and a little: a link that
// inflates past that (a few kilobytes can inflate to gigabytes) is
// refused as soon as it does.
func decodeLinkData(data string) ([]byte, error) {
	z, err := base64.RawURLEncoding.DecodeString(data)
	if err != nil {
		return nil, i18n.Errorf("link.base64")
	}
	limit := int64(MaxScenarioBytes + 4096)
	doc, err := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(z)), limit+1))
	switch {
	case err != nil:
		return nil, i18n.Errorf("link.deflate")
	case int64(len(doc)) > limit:
		return nil, i18n.Errorf("link.inflated", MaxScenarioBytes>>20)
	}
	return doc, nil
}

// isLinkVersion reports whether s reads as a link's version: v and up to
// six digits (v1). Anything else is not a RaftLab link, rather than a
// version to name in the error: the error quotes it, on one line.
func isLinkVersion(s string) bool {
	if len(s) < 2 || len(s) > 7 || s[0] != 'v' {
		return false
	}
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
