package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeSite writes a site folder: an index page, a wasm_exec.js and a
// "main.wasm" of compressible but not trivial bytes.
func fakeSite(t *testing.T) (dir string, wasm []byte) {
	t.Helper()
	dir = t.TempDir()
	r := rand.New(rand.NewPCG(1, 2))
	wasm = make([]byte, 200_000)
	for i := range wasm {
		wasm[i] = byte(r.IntN(16)) // four bits of entropy a byte
	}
	copy(wasm, "\x00asm\x01\x00\x00\x00")
	write := func(name string, data []byte) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), data, 0o644))
	}
	write("index.html", []byte("<!doctype html><title>RaftLab</title>"))
	write("wasm_exec.js", []byte("class Go {}"))
	write("main.wasm", wasm)
	require.NoError(t, os.Mkdir(filepath.Join(dir, "fonts"), 0o755))
	write("fonts/Font-Regular.otf", bytes.Repeat([]byte("OTTO font data "), 1000))
	write("fonts/notes.txt", []byte("not a font"))
	// Things that must not be served even though they are in the folder.
	write("secret.txt", []byte("not for you"))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "sub"), 0o755))
	write("sub/x.html", []byte("nested"))
	return dir, wasm
}

func newTestServer(t *testing.T) (*httptest.Server, []byte) {
	t.Helper()
	dir, wasm := fakeSite(t)
	s, err := loadSite(dir)
	require.NoError(t, err)
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts, wasm
}

// get sends a request without Go's transparent decompression, so the test
// sees the bytes on the wire.
func get(t *testing.T, method, url string, header map[string]string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	require.NoError(t, err)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	resp, err := client.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, body
}

func gunzip(t *testing.T, data []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(data))
	require.NoError(t, err)
	out, err := io.ReadAll(zr)
	require.NoError(t, err)
	return out
}

func TestWasmIsSentGzipWithTheRightHeaders(t *testing.T) {
	ts, wasm := newTestServer(t)
	resp, body := get(t, "GET", ts.URL+"/main.wasm", map[string]string{"Accept-Encoding": "br, gzip;q=0.8"})
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "application/wasm", resp.Header.Get("Content-Type"))
	assert.Equal(t, "gzip", resp.Header.Get("Content-Encoding"))
	assert.Equal(t, "Accept-Encoding", resp.Header.Get("Vary"))
	assert.Equal(t, strconv.Itoa(len(wasm)), resp.Header.Get("X-Raw-Size"))
	assert.Equal(t, strconv.Itoa(len(body)), resp.Header.Get("Content-Length"))
	assert.Less(t, len(body), len(wasm)*3/4, "the compressed body should be smaller")
	assert.Equal(t, wasm, gunzip(t, body))
}

func TestWasmIsSentRawToClientsWithoutGzip(t *testing.T) {
	ts, wasm := newTestServer(t)
	for _, ae := range []string{"", "identity", "gzip;q=0", "br", "*;q=0"} {
		resp, body := get(t, "GET", ts.URL+"/main.wasm", map[string]string{"Accept-Encoding": ae})
		require.Equal(t, http.StatusOK, resp.StatusCode, ae)
		assert.Empty(t, resp.Header.Get("Content-Encoding"), "Accept-Encoding %q", ae)
		assert.Equal(t, "application/wasm", resp.Header.Get("Content-Type"))
		assert.Equal(t, strconv.Itoa(len(wasm)), resp.Header.Get("X-Raw-Size"))
		assert.Equal(t, wasm, body, "Accept-Encoding %q", ae)
	}
	resp, body := get(t, "GET", ts.URL+"/main.wasm", map[string]string{"Accept-Encoding": "*"})
	assert.Equal(t, "gzip", resp.Header.Get("Content-Encoding"))
	assert.Equal(t, wasm, gunzip(t, body))
}

func TestFontsAreServedCompressed(t *testing.T) {
	ts, _ := newTestServer(t)
	want := bytes.Repeat([]byte("OTTO font data "), 1000)
	resp, body := get(t, "GET", ts.URL+"/fonts/Font-Regular.otf", map[string]string{"Accept-Encoding": "gzip"})
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "font/otf", resp.Header.Get("Content-Type"))
	assert.Equal(t, "gzip", resp.Header.Get("Content-Encoding"))
	assert.Equal(t, strconv.Itoa(len(want)), resp.Header.Get("X-Raw-Size"), "the page shows the download's progress against it")
	assert.Equal(t, want, gunzip(t, body))
}

func TestASiteWithoutFontsIsServed(t *testing.T) {
	dir, _ := fakeSite(t)
	require.NoError(t, os.RemoveAll(filepath.Join(dir, "fonts")))
	s, err := loadSite(dir)
	require.NoError(t, err)
	assert.Empty(t, s.fonts)
}

func TestAcceptsGzip(t *testing.T) {
	for header, want := range map[string]bool{
		"gzip": true, "GZIP": true, "deflate, gzip": true, "gzip; q=0.5": true, "x-gzip": true,
		"*": true, "gzip;q=0": false, "gzip;q=0.0, *": false, "": false, "br, deflate": false,
	} {
		assert.Equal(t, want, acceptsGzip([]string{header}), "%q", header)
	}
}

func TestIndexAndWasmExecAreServed(t *testing.T) {
	ts, _ := newTestServer(t)
	for _, path := range []string{"/", "/index.html"} {
		resp, body := get(t, "GET", ts.URL+path, map[string]string{"Accept-Encoding": "gzip"})
		require.Equal(t, http.StatusOK, resp.StatusCode, path)
		assert.Equal(t, "text/html; charset=utf-8", resp.Header.Get("Content-Type"))
		assert.Empty(t, resp.Header.Get("Content-Encoding"))
		assert.Equal(t, "<!doctype html><title>RaftLab</title>", string(body))
	}
	resp, body := get(t, "GET", ts.URL+"/wasm_exec.js", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "text/javascript; charset=utf-8", resp.Header.Get("Content-Type"))
	assert.Equal(t, "class Go {}", string(body))
}

func TestEverythingElseIs404(t *testing.T) {
	ts, _ := newTestServer(t)
	for _, path := range []string{"/secret.txt", "/sub/", "/sub/x.html", "/sub", "/main.wasm.gz", "/favicon.ico",
		"/../main.go", "/%2e%2e/main.go", "/index.html/", "//main.wasm", "/MAIN.WASM",
		"/fonts/", "/fonts/notes.txt", "/fonts/Font-Regular.otf.gz", "/fonts/../main.wasm", "/Font-Regular.otf"} {
		resp, body := get(t, "GET", ts.URL+path, nil)
		assert.Equal(t, http.StatusNotFound, resp.StatusCode, path)
		assert.NotContains(t, string(body), "not for you", path)
		assert.NotContains(t, string(body), "<a href", "%s: no directory listing", path)
	}
}

func TestHeadAndMethods(t *testing.T) {
	ts, wasm := newTestServer(t)
	resp, body := get(t, "HEAD", ts.URL+"/main.wasm", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Empty(t, body)
	assert.Equal(t, strconv.Itoa(len(wasm)), resp.Header.Get("Content-Length"))
	resp, _ = get(t, "POST", ts.URL+"/main.wasm", nil)
	assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)
	assert.Equal(t, "GET, HEAD", resp.Header.Get("Allow"))
}

func TestETagRevalidation(t *testing.T) {
	ts, _ := newTestServer(t)
	resp, _ := get(t, "GET", ts.URL+"/main.wasm", map[string]string{"Accept-Encoding": "gzip"})
	etag := resp.Header.Get("ETag")
	require.NotEmpty(t, etag)
	assert.Equal(t, "no-cache", resp.Header.Get("Cache-Control"))
	resp, body := get(t, "GET", ts.URL+"/main.wasm", map[string]string{"Accept-Encoding": "gzip", "If-None-Match": etag})
	assert.Equal(t, http.StatusNotModified, resp.StatusCode)
	assert.Empty(t, body)
	resp, _ = get(t, "GET", ts.URL+"/main.wasm", map[string]string{"If-None-Match": `"other"`})
	assert.Equal(t, http.StatusOK, resp.StatusCode)
}

func TestPrecompressedFileIsUsedOnlyWhenFreshAndEqual(t *testing.T) {
	dir, wasm := fakeSite(t)
	path := filepath.Join(dir, "main.wasm")
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed) // recognisably not ours
	_, _ = zw.Write(wasm)
	require.NoError(t, zw.Close())
	require.NoError(t, os.WriteFile(path+".gz", buf.Bytes(), 0o644))
	now := time.Now()
	require.NoError(t, os.Chtimes(path, now.Add(-time.Hour), now.Add(-time.Hour)))

	s, err := loadSite(dir)
	require.NoError(t, err)
	assert.Equal(t, buf.Bytes(), s.wasm.gz, "a fresh main.wasm.gz is used as is")

	// Older than main.wasm: stale, compressed anew.
	require.NoError(t, os.Chtimes(path+".gz", now.Add(-2*time.Hour), now.Add(-2*time.Hour)))
	s, err = loadSite(dir)
	require.NoError(t, err)
	assert.NotEqual(t, buf.Bytes(), s.wasm.gz)
	assert.Equal(t, wasm, gunzip(t, s.wasm.gz))

	// Fresh but of other contents: not used either.
	var other bytes.Buffer
	zw = gzip.NewWriter(&other)
	_, _ = zw.Write([]byte("something else"))
	require.NoError(t, zw.Close())
	require.NoError(t, os.WriteFile(path+".gz", other.Bytes(), 0o644))
	s, err = loadSite(dir)
	require.NoError(t, err)
	assert.Equal(t, wasm, gunzip(t, s.wasm.gz))
}

func TestMissingFileIsAClearError(t *testing.T) {
	dir, _ := fakeSite(t)
	require.NoError(t, os.Remove(filepath.Join(dir, "main.wasm")))
	_, err := loadSite(dir)
	require.Error(t, err)
	assert.Contains(t, err.Error(), filepath.Join(dir, "main.wasm")+" is missing")
	assert.Contains(t, err.Error(), "make serve")

	var stdout, stderr bytes.Buffer
	assert.Equal(t, 2, run([]string{"-dir", dir}, &stdout, &stderr))
	assert.Equal(t, 1, strings.Count(stderr.String(), "\n"), "one line: %q", stderr.String())
	assert.Contains(t, stderr.String(), "main.wasm is missing")
}

func TestBadFlagsExit2(t *testing.T) {
	for _, args := range [][]string{{"-nope"}, {"-addr"}, {"extra"}} {
		var stdout, stderr bytes.Buffer
		assert.Equal(t, 2, run(args, &stdout, &stderr), "%v", args)
		assert.Equal(t, 1, strings.Count(stderr.String(), "\n"), "%v: one line: %q", args, stderr.String())
	}
	var stdout, stderr bytes.Buffer
	assert.Equal(t, 0, run([]string{"-h"}, &stdout, &stderr))
	assert.Contains(t, stdout.String(), "-addr")
}

// TestServesOnAFreePortAndSaysWhere runs the real program: it must print
// the URL it listens on (the end-to-end test reads it) and serve there.
func TestServesOnAFreePortAndSaysWhere(t *testing.T) {
	if os.Getenv("RAFTSERVE_CHILD") == "1" {
		os.Exit(run(strings.Fields(os.Getenv("RAFTSERVE_ARGS")), os.Stdout, os.Stderr))
	}
	dir, wasm := fakeSite(t)
	cmd := exec.Command(os.Args[0], "-test.run=^TestServesOnAFreePortAndSaysWhere$")
	cmd.Env = append(os.Environ(), "RAFTSERVE_CHILD=1", "RAFTSERVE_ARGS=-addr 127.0.0.1:0 -dir "+dir)
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	defer func() {
		_ = cmd.Process.Signal(os.Interrupt)
		_ = cmd.Wait()
	}()
	line, err := bufio.NewReader(out).ReadString('\n')
	require.NoError(t, err)
	url := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`).FindString(line)
	require.NotEmpty(t, url, "the log line names the URL: %q", line)
	assert.NotContains(t, url, ":0/")
	resp, body := get(t, "GET", url+"main.wasm", map[string]string{"Accept-Encoding": "gzip"})
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, wasm, gunzip(t, body))
}

// A client that connects and sends nothing, or goes quiet after a request,
// is disconnected: raftserve never holds connections forever.
func TestIdleAndSilentConnectionsAreClosed(t *testing.T) {
	saved := timeouts
	t.Cleanup(func() { timeouts = saved })
	timeouts.header, timeouts.read, timeouts.idle = 200*time.Millisecond, 200*time.Millisecond, 200*time.Millisecond
	dir, _ := fakeSite(t)
	site, err := loadSite(dir)
	require.NoError(t, err)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	srv := newServer(site)
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })

	closedWithin := func(c net.Conn) bool {
		require.NoError(t, c.SetReadDeadline(time.Now().Add(5*time.Second)))
		_, err := io.Copy(io.Discard, c)
		return err == nil // EOF: the server closed it before our deadline
	}
	silent, err := net.Dial("tcp", ln.Addr().String())
	require.NoError(t, err)
	defer silent.Close()
	assert.True(t, closedWithin(silent), "a connection that sends nothing is closed")

	idle, err := net.Dial("tcp", ln.Addr().String())
	require.NoError(t, err)
	defer idle.Close()
	_, err = io.WriteString(idle, "HEAD /index.html HTTP/1.1\r\nHost: x\r\n\r\n")
	require.NoError(t, err)
	assert.True(t, closedWithin(idle), "a kept-alive connection that goes quiet is closed")
}

// TestServiceWorkerIsServedWhenBuilt: the dist build's service worker is
// served, revalidated like the rest; a build without one answers 404.
func TestServiceWorkerIsServedWhenBuilt(t *testing.T) {
	ts, _ := newTestServer(t)
	resp, _ := get(t, "GET", ts.URL+"/sw.js", nil)
	assert.Equal(t, http.StatusNotFound, resp.StatusCode, "the development build has none")

	dir, _ := fakeSite(t)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "sw.js"), []byte("self.addEventListener('fetch', () => {});"), 0o644))
	s, err := loadSite(dir)
	require.NoError(t, err)
	dist := httptest.NewServer(s)
	t.Cleanup(dist.Close)
	resp, body := get(t, "GET", dist.URL+"/sw.js", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "text/javascript; charset=utf-8", resp.Header.Get("Content-Type"))
	assert.Equal(t, "no-cache", resp.Header.Get("Cache-Control"), "a new release's worker is seen at once")
	assert.Equal(t, "self.addEventListener('fetch', () => {});", string(body))
}

// TestEtcdBuildIsServedWhenBuilt: etcd.wasm, the build with etcd's raft,
// is served as main.wasm is (compressed, with its raw size); a site
// without it answers 404.
func TestEtcdBuildIsServedWhenBuilt(t *testing.T) {
	ts, _ := newTestServer(t)
	resp, _ := get(t, "GET", ts.URL+"/etcd.wasm", nil)
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)

	dir, wasm := fakeSite(t)
	etcd := append(bytes.Clone(wasm), "etcd's raft"...)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "etcd.wasm"), etcd, 0o644))
	s, err := loadSite(dir)
	require.NoError(t, err)
	both := httptest.NewServer(s)
	t.Cleanup(both.Close)
	resp, body := get(t, "GET", both.URL+"/etcd.wasm", map[string]string{"Accept-Encoding": "gzip"})
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "application/wasm", resp.Header.Get("Content-Type"))
	assert.Equal(t, "gzip", resp.Header.Get("Content-Encoding"))
	assert.Equal(t, strconv.Itoa(len(etcd)), resp.Header.Get("X-Raw-Size"))
	assert.Equal(t, etcd, gunzip(t, body))
	resp, body = get(t, "GET", both.URL+"/main.wasm", map[string]string{"Accept-Encoding": "gzip"})
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, wasm, gunzip(t, body), "main.wasm is still itself")
}
