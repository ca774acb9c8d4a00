// Package i18n is RaftLab's message catalogue: every word a user sees, by
// key, in each language the app speaks. English is the original and
// Simplified Chinese a full edition; a pseudo-locale marks every message,
// so that a test can find text that bypasses the catalogue.
//
// Messages are fmt formats. A translation may reorder its arguments with
// explicit indexes (%[2]s … %[1]s) but uses the same arguments, which the
// tests check.
//
// It imports nothing of RaftLab.
package i18n
