package sha256

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"github.com/raftlab/raftlab/internal/splitmix"
	"github.com/stretchr/testify/assert"
)

// The test vectors of FIPS 180-4's examples, and an empty message.
func TestVectors(t *testing.T) {
	for in, want := range map[string]string{
		"":    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"abc": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
		"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq": "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
	} {
		sum := Sum256([]byte(in))
		assert.Equal(t, want, hex.EncodeToString(sum[:]), "%q", in)
	}
}

// Every length up to five blocks, each padding case included, and long
// random messages hash as crypto/sha256 hashes them.
func TestAsCrypto(t *testing.T) {
	r := splitmix.Source{State: 1}
	data := make([]byte, 10_000)
	for i := range data {
		data[i] = byte(r.Uint64())
	}
	for n := range 5*64 + 1 {
		assert.Equal(t, sha256.Sum256(data[:n]), Sum256(data[:n]), "%d bytes", n)
	}
	for range 20 {
		n := int(r.Uint64() % uint64(len(data)))
		assert.Equal(t, sha256.Sum256(data[:n]), Sum256(data[:n]), "%d bytes", n)
	}
}
