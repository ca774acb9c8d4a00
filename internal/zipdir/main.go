// Command zipdir packs a folder into a zip file: make dist uses it to put
// build/dist in build/raftlab-dist.zip. It is a program of its own, not
// zip(1), because not every machine that builds RaftLab has zip (Go's
// archive/zip is always there), and because the archive it writes is the
// same for the same files on every machine: entries in name order, every
// time stamp the same, so a release's zip can be compared by its hash.
//
// Usage: go run ./internal/zipdir DIR OUT.zip
//
// The entries are under one folder named after OUT (raftlab-dist/...), so
// that unpacking the file gives one folder. It imports nothing of RaftLab.
package main

import (
	"archive/zip"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: zipdir DIR OUT.zip")
		os.Exit(2)
	}
	if err := zipDir(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintf(os.Stderr, "zipdir: %v\n", err)
		os.Exit(1)
	}
}

// stamp is every entry's modification time: a fixed one, so that the
// archive depends on the files' contents alone.
var stamp = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// zipDir writes the files under dir to a new zip file out, under a folder
// named after out; out is removed again if it cannot be written whole.
func zipDir(dir, out string) (err error) {
	if st, err := os.Stat(dir); err != nil {
		return err
	} else if !st.IsDir() {
		return fmt.Errorf("%s is not a folder", dir)
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(out)
		}
	}()
	top := strings.TrimSuffix(filepath.Base(out), filepath.Ext(out))
	zw := zip.NewWriter(f)
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !d.Type().IsRegular() {
			return fmt.Errorf("%s is not a regular file", p)
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: path.Join(top, filepath.ToSlash(rel)), Method: zip.Deflate, Modified: stamp})
		if err != nil {
			return err
		}
		src, err := os.Open(p)
		if err != nil {
			return err
		}
		defer src.Close()
		_, err = io.Copy(w, src)
		return err
	})
	if err != nil {
		return err
	}
	return zw.Close()
}
