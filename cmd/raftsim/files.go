package main

import (
	"fmt"
	"io"
	"os"
)

// readAtMost reads a file of at most limit bytes: a larger one, or an
// endless one (/dev/zero), is refused with tooLarge, having read no more
// than one byte past the limit. Its errors name the file.
func readAtMost(path string, limit int64, tooLarge string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: %s", path, tooLarge)
	}
	return data, nil
}
