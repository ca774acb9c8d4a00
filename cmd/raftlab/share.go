package main

import (
	"fmt"
	"io"
	"os"

	"github.com/raftlab/raftlab/playground"
)

// defaultLinkBase is where `make serve` serves the browser build: the
// address a share link made on the desktop starts with, unless
// --link-base names the course's own.
const defaultLinkBase = "http://127.0.0.1:8080/"

// linkSaver is the desktop's Share: with no clipboard to reach, it saves
// the link to a new file raftlab-link.txt (raftlab --link opens it, and
// so does a browser from the file's text) and prints it.
func linkSaver(base string, stdout io.Writer) func(fragment string) (string, error) {
	return func(fragment string) (string, error) {
		link := base + "#" + fragment
		path, err := writeNew("raftlab-link.txt", []byte(link+"\n"))
		if err != nil {
			return "", err
		}
		fmt.Fprintf(stdout, "raftlab: share link (also in %s):\n%s\n", path, link)
		return path, nil
	}
}

// readLinkArg is the link --link names: the text of the file it names (at
// most a link's length: --link /dev/zero is refused), or else its own.
func readLinkArg(arg string) (string, error) {
	if _, err := os.Stat(arg); err != nil {
		return arg, nil // not a file: the link itself
	}
	f, err := os.Open(arg)
	if err != nil {
		return "", err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, playground.MaxLinkBytes+1))
	if err != nil {
		return "", err
	}
	return string(data), nil // (DecodeLink refuses one over its limit)
}
