package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("raftserve", flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	addr := flags.String("addr", "127.0.0.1:8080", "address to listen on (port 0 picks a free port)")
	dir := flags.String("dir", "build/web", "folder holding index.html, wasm_exec.js and main.wasm")
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stdout, "usage: raftserve [-addr 127.0.0.1:8080] [-dir build/web]")
			flags.SetOutput(stdout)
			flags.PrintDefaults()
			return 0
		}
		fmt.Fprintf(stderr, "raftserve: %v (try -h)\n", err)
		return 2
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "raftserve: unexpected argument %q (try -h)\n", flags.Arg(0))
		return 2
	}
	site, err := loadSite(*dir)
	if err != nil {
		fmt.Fprintf(stderr, "raftserve: %v\n", err)
		return 2
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "raftserve: %v\n", err)
		return 2
	}
	srv := newServer(site)
	builds := fmt.Sprintf("main.wasm %s, %s gzip", megabytes(len(site.wasm.raw)), megabytes(len(site.wasm.gz)))
	if site.etcd != nil {
		builds += fmt.Sprintf("; etcd.wasm %s, %s gzip", megabytes(len(site.etcd.raw)), megabytes(len(site.etcd.gz)))
	}
	fmt.Fprintf(stdout, "raftserve: RaftLab on http://%s/ (serving %s: %s)\n", ln.Addr(), *dir, builds)

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		fmt.Fprintf(stderr, "raftserve: %v\n", err)
		return 1
	case <-stop:
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
		return 0
	}
}

// timeouts bound how long a client may hold a connection: one that never
// sends its request, reads its answer too slowly (the whole wasm, raw, on a
// slow link still fits in write) or sits idle between requests is closed,
// so idle or stuck clients cannot pile up connections.
var timeouts = struct{ header, read, write, idle time.Duration }{
	header: 10 * time.Second,
	read:   30 * time.Second,
	write:  5 * time.Minute,
	idle:   2 * time.Minute,
}

// newServer is the HTTP server of a site, with its timeouts.
func newServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: timeouts.header,
		ReadTimeout:       timeouts.read,
		WriteTimeout:      timeouts.write,
		IdleTimeout:       timeouts.idle,
	}
}

func megabytes(n int) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }

// file is one file of the site, held in memory.
type file struct {
	contentType string
	raw         []byte
	gz          []byte // nil: never sent compressed
	etag        string
}

// site serves the files of the browser build: the three the app needs,
// the Chinese fonts (fonts/*.otf), fetched only by a page in Chinese, and
// the dist build's service worker.
type site struct {
	index, wasmExec, wasm *file
	// etcd is the etcd build (etcd.wasm: RaftLab with etcd's raft too),
	// which a page with ?engine=etcd fetches; nil in a site without it.
	etcd *file
	// sw is the service worker of the dist build (make dist), which keeps
	// the app for offline use; nil in a build without one.
	sw *file
	// fonts are by URL path ("/fonts/NotoSansSC-Regular.subset.otf").
	fonts map[string]*file
}

// loadSite reads the site's files from dir and compresses the wasm builds.
func loadSite(dir string) (*site, error) {
	read := func(name, contentType string) (*file, error) {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil, fmt.Errorf("%s is missing: build the site first (make serve builds it)", filepath.Join(dir, name))
			}
			return nil, err
		}
		sum := sha256.Sum256(data)
		return &file{contentType: contentType, raw: data, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}, nil
	}
	s := &site{}
	var err error
	if s.index, err = read("index.html", "text/html; charset=utf-8"); err != nil {
		return nil, err
	}
	if s.wasmExec, err = read("wasm_exec.js", "text/javascript; charset=utf-8"); err != nil {
		return nil, err
	}
	if s.wasm, err = read("main.wasm", "application/wasm"); err != nil {
		return nil, err
	}
	if s.wasm.gz, err = compressed(filepath.Join(dir, "main.wasm"), s.wasm.raw); err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(dir, "etcd.wasm")); err == nil {
		if s.etcd, err = read("etcd.wasm", "application/wasm"); err != nil {
			return nil, err
		}
		if s.etcd.gz, err = compressed(filepath.Join(dir, "etcd.wasm"), s.etcd.raw); err != nil {
			return nil, err
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "sw.js")); err == nil {
		if s.sw, err = read("sw.js", "text/javascript; charset=utf-8"); err != nil {
			return nil, err
		}
	}
	// A build without fonts still serves English; Chinese then says the
	// font could not be loaded.
	names, err := filepath.Glob(filepath.Join(dir, "fonts", "*.otf"))
	if err != nil {
		return nil, err
	}
	s.fonts = map[string]*file{}
	for _, name := range names {
		rel := "fonts/" + filepath.Base(name)
		f, err := read(rel, "font/otf")
		if err != nil {
			return nil, err
		}
		if f.gz, err = compressed(name, f.raw); err != nil {
			return nil, err
		}
		s.fonts["/"+rel] = f
	}
	return s, nil
}

// compressed returns the gzip form of the file at path: path.gz when it is
// at least as new as the file and decompresses to the same bytes, otherwise
// a fresh compression.
func compressed(path string, raw []byte) ([]byte, error) {
	if gz, ok := precompressed(path, raw); ok {
		return gz, nil
	}
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(raw); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func precompressed(path string, raw []byte) ([]byte, bool) {
	st, err1 := os.Stat(path)
	gst, err2 := os.Stat(path + ".gz")
	if err1 != nil || err2 != nil || gst.ModTime().Before(st.ModTime()) {
		return nil, false
	}
	gz, err := os.ReadFile(path + ".gz")
	if err != nil {
		return nil, false
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, false
	}
	data, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(data, raw) {
		return nil, false
	}
	return gz, true
}

func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var f *file
	switch r.URL.Path {
	case "/", "/index.html":
		f = s.index
	case "/wasm_exec.js":
		f = s.wasmExec
	case "/main.wasm":
		f = s.wasm
	case "/etcd.wasm":
		if f = s.etcd; f == nil {
			http.NotFound(w, r)
			return
		}
	case "/sw.js":
		if f = s.sw; f == nil {
			http.NotFound(w, r)
			return
		}
	default:
		if f = s.fonts[r.URL.Path]; f == nil {
			http.NotFound(w, r)
			return
		}
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	h := w.Header()
	h.Set("Content-Type", f.contentType)
	h.Set("X-Content-Type-Options", "nosniff")
	// Revalidate every time: a rebuild must show at once, and the ETag
	// makes an unchanged file cost one round trip.
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", f.etag)
	body := f.raw
	if f.gz != nil {
		h.Set("Vary", "Accept-Encoding")
		h.Set("X-Raw-Size", strconv.Itoa(len(f.raw)))
		if acceptsGzip(r.Header.Values("Accept-Encoding")) {
			h.Set("Content-Encoding", "gzip")
			body = f.gz
		}
	}
	if matchesETag(r.Header.Get("If-None-Match"), f.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method == http.MethodHead {
		return
	}
	_, _ = w.Write(body)
}

// acceptsGzip reports whether Accept-Encoding allows gzip: listed (or *)
// with a non-zero quality.
func acceptsGzip(values []string) bool {
	star, gz := false, -1.0
	for _, v := range values {
		for _, part := range strings.Split(v, ",") {
			name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
			q := 1.0
			for _, p := range strings.Split(params, ";") {
				k, val, ok := strings.Cut(strings.TrimSpace(p), "=")
				if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
					if f, err := strconv.ParseFloat(strings.TrimSpace(val), 64); err == nil {
						q = f
					}
				}
			}
			switch strings.ToLower(strings.TrimSpace(name)) {
			case "gzip", "x-gzip":
				gz = q
			case "*":
				star = q > 0
			}
		}
	}
	if gz >= 0 {
		return gz > 0
	}
	return star
}

// matchesETag reports whether an If-None-Match header names etag.
func matchesETag(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == etag || t == "*" {
			return true
		}
	}
	return false
}
