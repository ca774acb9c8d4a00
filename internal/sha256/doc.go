// Package sha256 is SHA-256 (FIPS 180-4) in plain Go, for the check codes
// of an assessment's result and a challenge's pass: they are no signature,
// but the codes handed out must not change. Go's crypto/sha256 links its
// whole FIPS 140 module (AES, a DRBG, self-tests) into every program that
// imports it: 173 KB of main.wasm, 47 KB of its download, for two hashes
// of a few kilobytes.
//
// It imports nothing of RaftLab.
package sha256
