package playground

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"io"
	"slices"
	"strings"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// A share link carries what a person sees, so that another can open it
// exactly: the scenario with every action taken (a scenario file), the
// moment on the timeline, the open lesson and step, and the language. It
// lives in a URL's fragment, which browsers never send to a server:
//
//	https://host/#v1.<data>
//
// where data is the link's JSON document, deflated, in URL-safe base64
// without padding. Nothing is stored anywhere but in the link.

// Link is what a share link holds.
type Link struct {
	Scenario *view.Scenario
	// AtMs is the moment on the timeline.
	AtMs int64
	// Lesson and Step are the lesson open and its step (numbers from 1;
	// 0: none).
	Lesson, Step int
	// Lang is the language ("": the reader's own).
	Lang i18n.Lang
}

// linkVersion is the version of the link format EncodeLink writes and
// DecodeLink reads.
const linkVersion = "v1"

// MaxLinkBytes bounds the link text DecodeLink reads: a browser keeps a
// URL of a few megabytes, and its scenario file must fit MaxScenarioBytes
// once inflated (see decodeLinkData).
const MaxLinkBytes = 1 << 20

// linkDoc is a link's JSON document.
type linkDoc struct {
	Scenario json.RawMessage `json:"scenario"`
	AtMs     int64           `json:"atMs,omitempty"`
	Lesson   int             `json:"lesson,omitempty"`
	Step     int             `json:"step,omitempty"`
	Lang     string          `json:"lang,omitempty"`
}

// EncodeLink writes l as a URL fragment, without the '#'. It fails only
// when the scenario cannot be saved as a file (see MarshalScenario).
func EncodeLink(l Link) (string, error) {
	sc, err := MarshalScenario(l.Scenario)
	if err != nil {
		return "", err
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, sc); err != nil {
		return "", err // MarshalScenario writes valid JSON: cannot happen
	}
	doc, err := json.Marshal(linkDoc{Scenario: compact.Bytes(), AtMs: l.AtMs, Lesson: l.Lesson, Step: l.Step, Lang: string(l.Lang)})
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
func DecodeLink(link string) (Link, error) {
	if len(link) > MaxLinkBytes {
		return Link{}, i18n.Errorf("link.size", MaxLinkBytes>>20)
	}
	if i := strings.LastIndexByte(link, '#'); i >= 0 {
		link = link[i+1:]
	}
	version, data, ok := strings.Cut(strings.TrimSpace(link), ".")
	switch {
	case link == "":
		return Link{}, i18n.Errorf("link.empty")
	case !ok || version == "" || version[0] != 'v':
		return Link{}, i18n.Errorf("link.not-raftlab")
	case version != linkVersion:
		return Link{}, i18n.Errorf("link.version", version, linkVersion)
	}
	doc, err := decodeLinkData(data)
	if err != nil {
		return Link{}, err
	}
	var d linkDoc
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil || dec.More() {
		return Link{}, i18n.Errorf("link.document")
	}
	switch {
	case len(d.Scenario) == 0:
		return Link{}, i18n.Errorf("link.no-scenario")
	case d.AtMs < 0 || d.AtMs > MaxDurationMs:
		return Link{}, i18n.Errorf("link.time", MaxDurationMs, d.AtMs)
	case d.Lesson < 0 || d.Step < 0 || (d.Lesson == 0) != (d.Step == 0):
		return Link{}, i18n.Errorf("link.lesson", d.Lesson, d.Step)
	case d.Lang != "" && !slices.Contains(i18n.Langs, i18n.Lang(d.Lang)):
		return Link{}, i18n.Errorf("link.lang", d.Lang)
	}
	sc, err := ParseScenario(d.Scenario)
	if err != nil {
		return Link{}, i18n.Errorf("link.scenario", err)
	}
	return Link{Scenario: sc, AtMs: d.AtMs, Lesson: d.Lesson, Step: d.Step, Lang: i18n.Lang(d.Lang)}, nil
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
