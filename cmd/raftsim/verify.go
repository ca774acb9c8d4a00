package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/raftlab/raftlab/lessons"
	"github.com/raftlab/raftlab/lessons/doc"
	"github.com/raftlab/raftlab/playground/i18n"
)

// verifyResult is `raftsim lesson verify-result FILE...`: a teacher checks
// that the results learners handed in were not edited by hand. It exits
// with 1 when one was, 2 when a file cannot be read.
func verifyResult(args []string, lang i18n.Lang, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintf(stderr, "raftsim lesson verify-result: %s\n%s", lang.T("raftsim.verify.none"), lang.T("raftsim.lesson.usage"))
		return 2
	}
	code := 0
	for _, path := range args {
		data, err := readAtMost(path, lessons.MaxFileBytes, lang.T("raftsim.result.too-large", lessons.MaxFileBytes>>20))
		if err != nil {
			fmt.Fprintf(stderr, "raftsim: %v\n", err)
			code = 2
			continue
		}
		d, err := doc.VerifyResult(string(data))
		if err != nil {
			fmt.Fprintf(stdout, "FAIL %s: %s\n", path, i18n.ErrorIn(err, lang))
			code = max(code, 1)
			continue
		}
		var topics []string
		for _, t := range d.Topics {
			topics = append(topics, fmt.Sprintf("%s %d/%d", t.Topic, t.Got, t.Of))
		}
		date := ""
		if d.Date != "" {
			date = ", " + d.Date
		}
		fmt.Fprintf(stdout, "ok   %s: %s%s: %d/%d (%s)\n", path, d.Lesson, date, d.Total.Got, d.Total.Of, strings.Join(topics, ", "))
	}
	return code
}
