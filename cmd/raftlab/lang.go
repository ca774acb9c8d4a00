package main

import (
	"fmt"
	"io"
	"strings"

	cjkfonts "github.com/raftlab/raftlab/assets/fonts"
	"github.com/raftlab/raftlab/internal/picture"
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/ui"
)

// systemLang is the language of the system locale (LC_ALL, then
// LC_MESSAGES, then LANG, as POSIX orders them), "" when none is set or
// it is C or POSIX (English follows); a locale RaftLab does not speak is
// returned as unknown, for a notice.
func systemLang(getenv func(string) string) (lang i18n.Lang, unknown string) {
	var tag string
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if tag = getenv(v); tag != "" {
			break
		}
	}
	if base, _, _ := strings.Cut(tag, "."); tag == "" || base == "C" || base == "POSIX" {
		return "", ""
	}
	l, err := i18n.Parse(tag)
	if err != nil {
		return "", tag
	}
	return l, ""
}

// installCJKFont is the desktop's Options.CJKFont: the Chinese fonts are
// in the binary, so they are installed at once, when Chinese is chosen or
// first drawn.
func installCJKFont(stderr io.Writer) func() {
	return func() {
		for _, set := range []func(regular, bold []byte) error{ui.SetCJKFont, picture.SetCJKFont} {
			if err := set(cjkfonts.SCRegular, cjkfonts.SCBold); err != nil {
				fmt.Fprintf(stderr, "raftlab: %v\n", err)
				return
			}
		}
	}
}
