// Command wasm is RaftLab in the browser: the visual playground compiled to
// WebAssembly, loaded by index.html (make serve builds and serves it).
//
// URL parameters (see options.go): ?scenario=NAME loads a bundled scenario,
// ?empty=1 draws an empty frame (the frame-rate baseline), ?nodes=N&load=M
// starts a sandbox of N nodes with about M messages in flight (the
// frame-rate benchmark), ?rate=R the sandbox with clients writing R times
// a second (the memory benchmark), ?lesson=N&step=M opens a lesson at a step,
// ?embed=1 the cluster and a play control alone, sized to an iframe,
// ?lang=zh-CN|en the language (else the one chosen last, else the
// browser's; Chinese fetches the Chinese fonts, font.go, while the app
// starts), ?engine=raftlab|etcd the Raft the world runs on (engine.go:
// index.html fetches etcd.wasm, the build with -tags etcd that has etcd's
// raft, for engine=etcd). Unknown parameters are ignored; a bad value is a
// banner, not a stop.
//
// It sets window.raftlab for tests, benchmarks and the curious:
//
//	ready      false until the first frame is drawn, then true
//	readyMs    performance.now() at the first frame (ms since navigation)
//	state()    the playground's state (the result document of raftsim run
//	           --json, plus nowMs, paused, speed, network, inFlight, ...)
//	layout()   screen positions of nodes, links, controls, the open menu,
//	           the timeline and the lesson panel's lines of text, in CSS pixels
//	fps(), tps()  Ebiten's measured frames and ticks per second
//	frames()   frames drawn so far
//	mem(gc)    the Go heap: {heapAlloc, heapSys, sys, numGC} in bytes;
//	           with gc true, after a collection, so heapAlloc is what is live
//	runFor(ms) runs the simulation ms virtual milliseconds ahead at once,
//	           without drawing, and returns the new present (nowMs); the
//	           benchmark measures the memory of a long session with it
//	openLesson(n, m)  opens lesson n at step m (1-based) without a reload;
//	           true, or {error}
//	setLang(tag)  switches the language (en, zh-CN) as the learner can;
//	           true, or {error}
//	probe(text)  draws text over the frame's top left twice, with the Go
//	           fonts alone and as the app draws text, and returns where:
//	           {plain, drawn} rectangles in CSS pixels (the test that
//	           Chinese reaches the screen as glyphs)
//	status()   the status line's message while it shows, or ""
//	notice     set (a string) when the link asked for something RaftLab
//	           does not have; the page shows it in a banner and starts
//	           without it
//	error      set (a string) when RaftLab could not start
//
// wasm is a program: nothing imports it, and it may import every package of
// RaftLab but the other programs.
package main
