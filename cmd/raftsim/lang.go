package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/raftlab/raftlab/playground/i18n"
)

// chooseLang takes --lang out of the command line, wherever it stands,
// since every subcommand speaks the language it names. Without it the
// system locale decides (LC_ALL, then LC_MESSAGES, then LANG, as POSIX
// orders them); the C and POSIX locales are English. A language RaftLab
// does not have falls back to English with a one-line notice on stderr.
func chooseLang(args []string, getenv func(string) string, stderr io.Writer) (i18n.Lang, []string, error) {
	tag, given := "", false
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, value, hasValue := strings.Cut(a, "=")
		if name != "--lang" && name != "-lang" {
			rest = append(rest, a)
			continue
		}
		if !hasValue {
			if i+1 >= len(args) {
				return i18n.English, nil, errors.New(i18n.English.T("raftsim.lang.missing"))
			}
			i++
			value = args[i]
		}
		tag, given = value, true
	}
	if !given {
		for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
			if tag = getenv(v); tag != "" {
				break
			}
		}
		if base, _, _ := strings.Cut(tag, "."); tag == "" || base == "C" || base == "POSIX" {
			return i18n.English, rest, nil
		}
	}
	lang, err := i18n.Parse(tag)
	if err != nil {
		fmt.Fprintf(stderr, "raftsim: %s\n", i18n.English.T("app.language.notice", tag))
	}
	return lang, rest, nil
}
