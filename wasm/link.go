package main

import (
	"net/url"
	"strings"
)

// readLink reads a share link from the page's URL fragment (what follows
// the #; none when empty). A link sets the world, the moment, the lesson
// and the speed, so it wins over the parameters q has that would set
// them; only ?lang= still chooses the language. A link that cannot be
// opened is a problem, and the page opens as if it were not there.
func (o *pageOptions) readLink(fragment string, q url.Values) {
	fragment = strings.TrimPrefix(fragment, "#")
	if fragment == "" {
		return
	}
	l, err := o.lab.DecodeLink(fragment)
	if err != nil {
		o.failed(err)
		return
	}
	if others := present(q, "scenario", "nodes", "load", "rate", "lesson", "step", "empty"); len(others) > 0 {
		o.problem("host.link.share-and", strings.Join(others, ", "))
	}
	o.link = &l
	o.scenario, o.lesson, o.step, o.empty, o.load = nil, 0, 0, false, -1
}
