// Command raftlab is RaftLab's desktop app: the visual playground in a
// resizable window.
//
//	go run ./cmd/raftlab                              # a five-node sandbox
//	go run ./cmd/raftlab --scenario figure8           # a bundled scenario
//	go run ./cmd/raftlab --scenario my-lesson.json    # a scenario file
//	go run ./cmd/raftlab --width 1600 --height 1000
//	go run ./cmd/raftlab --frames 120 --screenshot shot.png
//	go run ./cmd/raftlab --progress /tmp/progress.json
//	go run ./cmd/raftlab --lesson 6 --step 3             # a lesson, at a step
//	go run ./cmd/raftlab --lang zh-CN                    # in Simplified Chinese
//
// With --frames N it exits after drawing N frames; with --screenshot it
// saves the last of them as a PNG. A scenario file dropped on the window
// replaces the playground. Lesson progress is kept in
// ~/.config/raftlab/progress.json (or --progress FILE; --progress "" keeps
// none), preferences (the theme, whether the welcome card was seen) in
// prefs.json beside it (or --prefs FILE). The language is --lang, else
// the one last chosen, else the system's (LC_ALL, LC_MESSAGES, LANG), else
// English; Chinese uses the Chinese fonts built into the binary. Exit codes: 0 on success, 1 when the app failed
// (no display, a screenshot it could not write), 2 for invalid input.
//
// raftlab is a program: nothing imports it, and it may import every package
// of RaftLab but the other programs.
package main
