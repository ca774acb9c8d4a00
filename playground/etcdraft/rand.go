package etcdraft

import (
	"crypto/rand"
	"io"
	"sync"

	"github.com/raftlab/raftlab/internal/splitmix"
)

// etcd draws each election timeout with crypto/rand (rand.Int(rand.Reader,
// ...)), which no seed reaches: two runs of one scenario would elect at
// different moments. So the package puts a reader of its own in
// crypto/rand.Reader, once, at init. While a server's engine runs it reads
// that server's seeded stream (every call into etcd holds engineMu and names
// the stream); at any other time it reads the reader it replaced. A process
// that imports this package is a simulator: nothing else in it needs
// secrets from crypto/rand.Reader while an engine runs.

var (
	// engineMu serialises calls into etcd, so that the one reader knows
	// whose stream to read: worlds on several goroutines (parallel tests,
	// the app's search) take turns.
	engineMu sync.Mutex
	// stream is the seeded stream of the server whose engine runs, or nil.
	stream *splitmix.Source
	// systemReader is crypto/rand's reader as it was.
	systemReader io.Reader
)

func init() {
	systemReader = rand.Reader
	rand.Reader = seededReader{}
}

// seededReader reads the running engine's stream, else the system's.
type seededReader struct{}

func (seededReader) Read(p []byte) (int, error) {
	if stream == nil {
		return systemReader.Read(p)
	}
	for i := range p {
		p[i] = byte(stream.Uint64())
	}
	return len(p), nil
}

// locked runs f, a call into etcd on behalf of a server whose stream is s.
func locked(s *splitmix.Source, f func()) {
	engineMu.Lock()
	defer engineMu.Unlock()
	stream = s
	defer func() { stream = nil }()
	f()
}
