// Command raftsim runs RaftLab scenarios headlessly: the front door for
// scripts, CI and reviewers.
//
//	raftsim run FILE|--link URL [--json] [--events OUT.jsonl] [--seed N] [--until MS] [--report OUT.html] [--engine raftlab|etcd]
//	raftsim compare FILE|--link URL [--json] [--seed N] [--until MS]
//	raftsim chaos [--seeds N] [--first-seed N] [--nodes N] [--duration MS] [--engine raftlab|etcd] [--rule NAME]... [--feature NAME=VALUE]... [--minimize] [--out DIR]
//	raftsim render SCENARIO --png OUT.png [--at T] | --gif OUT.gif | --svg OUT.svg [--from T] [--to T] [--size WxH] [--light]
//	raftsim diagram SCENARIO --svg OUT.svg [--from T] [--to T] [--light]
//	raftsim lesson list | check FILE|NAME... [--all] [-v] | stats [FILE|NAME...] [--all] [--json] | verify-result FILE...
//	raftsim challenge link FILE [--base URL] | verify LINK|FILE [--code XXXX-XXXX]
//
// Every command takes --lang en or --lang zh-CN (by default the system
// locale's language): what a person reads is in that language; JSON output
// is the same in every language.
//
// Exit codes: 0 when every expectation held and nothing was violated (for
// compare: when the two engines agree), 1 otherwise, 2 for bad input (one line names the file, the step and the
// problem), 3 for an internal error: a bug in RaftLab.
//
// raftsim is a program: nothing imports it. It must not import ui: it is
// headless, and builds and runs without a display.
package main
