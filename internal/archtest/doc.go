// Package archtest holds the test of RaftLab's import rules (see
// ARCHITECTURE.md): every package's doc comment says what it must not
// import, and TestImportRules fails when a package's doc does not say its
// rule or when its code imports, directly or not, what the rule forbids.
// It has no code of its own. It imports nothing of RaftLab.
package archtest
