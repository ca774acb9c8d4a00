# RaftLab build and test entry points. `make test` is what CI runs (.ci/run).
GO ?= go
WEB := build/web

.PHONY: test vet lint unit race fuzz-smoke e2e e2e-deps e2e-browser e2e-desktop web wasm-budget dist raftserve serve bench bench-fps fuzz chaos

# vet and the Go tests first (the clone tests again under the race
# detector, a short run of each fuzz target that reads a user's file),
# then the end-to-end tests: the browser build in headless Chromium and the
# desktop app under Xvfb.
test: vet lint unit race fuzz-smoke e2e

vet:
	@bad=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$bad" ]; then echo "gofmt: these files need formatting:"; echo "$$bad"; exit 1; fi
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./wasm/

# The modules are tidy, imports are grouped as goimports groups them, and
# staticcheck finds nothing, for the host and for the browser build (both
# tools installed into build/tools at a fixed version, through the module
# proxy, the first time).
TOOLS := $(CURDIR)/build/tools
lint:
	$(GO) mod tidy -diff
	@test -x $(TOOLS)/staticcheck || GOBIN=$(TOOLS) $(GO) install honnef.co/go/tools/cmd/staticcheck@v0.8.2
	@test -x $(TOOLS)/goimports || GOBIN=$(TOOLS) $(GO) install golang.org/x/tools/cmd/goimports@v0.52.0
	@bad=$$($(TOOLS)/goimports -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$bad" ]; then echo "goimports: these files need their imports grouped:"; echo "$$bad"; exit 1; fi
	$(TOOLS)/staticcheck ./...
	GOOS=js GOARCH=wasm $(TOOLS)/staticcheck ./wasm/

unit:
	$(GO) test -count=1 ./...

# A world and its clones run at once under the race detector (which needs
# cgo, and so a C compiler).
race: e2e-deps
	$(GO) test -count=1 -race -run '^TestClone' ./playground/

# The browser build: main.wasm and etcd.wasm (RaftLab with etcd's raft
# as a second engine, -tags etcd: too big for main.wasm's 5 MB budget, so
# a page fetches it only for ?engine=etcd) and their gzip -9 forms, which
# raftserve sends as they are; index.html, Go's wasm_exec.js and the
# Chinese fonts (fetched only by a page in Chinese), in build/web; and the
# service worker that keeps them for offline use (wasm/sw.js), stamped
# with the build's version, a hash of those files (a new build replaces
# an old one's cache) and the fonts' names. The two builds share every
# package but two, so the second is mostly its link.
#
# The lesson engine (lessons/...) is built without inlining: it parses the
# bundled lessons once and judges a step's conditions a few times a frame,
# and its inlined code cost 38 KB of main.wasm's download.
WASMFLAGS := -gcflags='github.com/raftlab/raftlab/lessons/...=-l' -ldflags='-s -w'
web:
	@mkdir -p $(WEB)/fonts
	GOOS=js GOARCH=wasm $(GO) build $(WASMFLAGS) -o $(WEB)/main.wasm ./wasm
	GOOS=js GOARCH=wasm $(GO) build -tags etcd $(WASMFLAGS) -o $(WEB)/etcd.wasm ./wasm
	cp index.html $(WEB)/index.html
	cp "$$($(GO) env GOROOT)/lib/wasm/wasm_exec.js" $(WEB)/wasm_exec.js
	cp assets/fonts/*.otf $(WEB)/fonts/
	gzip -9 -k -f -n $(WEB)/main.wasm $(WEB)/etcd.wasm $(WEB)/fonts/*.otf
	cd $(WEB) && version=$$(cat index.html wasm_exec.js main.wasm etcd.wasm fonts/*.otf | sha256sum | cut -c1-16) && \
	  fonts=$$(ls fonts/*.otf | sed 's/.*/"&"/' | paste -sd, -) && \
	  sed -e "s|^const VERSION = .*|const VERSION = \"$$version\";|" -e "s|^const FONTS = .*|const FONTS = [$$fonts];|" \
	    $(CURDIR)/wasm/sw.js > sw.js

# A self-contained copy of the browser build, for any static host, that
# works offline after the first visit: build/dist (its index.html
# registers the service worker) and the same in build/raftlab-dist.zip
# (internal/zipdir says why not zip(1)). Only the files the page needs go
# in: the wasm builds are not compressed in advance, since a plain static
# host would not say so in its answer.
DIST := build/dist
dist: web
	rm -rf $(DIST) build/raftlab-dist.zip
	@mkdir -p $(DIST)/fonts
	cp $(WEB)/main.wasm $(WEB)/etcd.wasm $(WEB)/wasm_exec.js $(WEB)/sw.js $(DIST)/
	cp $(WEB)/fonts/*.otf assets/fonts/OFL.txt $(DIST)/fonts/
	sed 's|<meta name="raftlab-offline" content="">|<meta name="raftlab-offline" content="sw.js">|' $(WEB)/index.html > $(DIST)/index.html
	@grep -q 'name="raftlab-offline" content="sw.js"' $(DIST)/index.html || { echo "dist: index.html has no raftlab-offline meta tag to turn on"; exit 1; }
	$(GO) run ./internal/zipdir $(DIST) build/raftlab-dist.zip
	@du -sh $(DIST) build/raftlab-dist.zip

raftserve:
	$(GO) build -o build/raftserve ./cmd/raftserve

# The app, in the browser, on http://127.0.0.1:8080. (The desktop app:
# go run ./cmd/raftlab.)
serve: web
	$(GO) run ./cmd/raftserve -addr 127.0.0.1:8080 -dir $(WEB)

# What the end-to-end tests need: Chromium, fonts, Xvfb and playwright-core
# (installed when missing and run as root; otherwise a message says what to
# install).
e2e-deps:
	@bash e2e/deps.sh

e2e: e2e-browser e2e-desktop

# The default browser download, main.wasm gzip -9, is at most 5 MB
# (5,000,000 bytes); etcd.wasm, fetched only for etcd's engine, has no
# budget.
WASMBUDGET := 5000000
wasm-budget: web
	@size=$$(wc -c < $(WEB)/main.wasm.gz); etcd=$$(wc -c < $(WEB)/etcd.wasm.gz); \
	  echo "main.wasm: $$size bytes gzip -9 (budget $(WASMBUDGET)); etcd.wasm: $$etcd"; \
	  if [ $$size -gt $(WASMBUDGET) ]; then echo "main.wasm is over its budget by $$((size - $(WASMBUDGET))) bytes"; exit 1; fi

e2e-browser: e2e-deps web wasm-budget dist raftserve
	@mkdir -p build/e2e
	node --test --test-concurrency=1 --test-reporter=spec e2e/*.test.mjs

e2e-desktop: e2e-deps
	@mkdir -p build/e2e
	RAFTLAB_E2E=1 RAFTLAB_SCREENSHOT=$(CURDIR)/build/e2e/desktop.png \
	  xvfb-run -a -s "-screen 0 1600x1200x24" $(GO) test -count=1 -v -run '^TestDesktopE2E$$' ./cmd/raftlab/

bench: bench-fps
	$(GO) test -run '^$$' -bench . -benchmem ./raft/ ./playground/ ./internal/lab/ ./playground/etcdraft/

# Frame rates and the time to the first frame in headless Chromium, as
# ratios to a bare Ebiten game's (bench/bare, built next to the site with
# the same page), the wasm size and the memory after a long run.
bench-fps: e2e-deps web raftserve
	@mkdir -p $(WEB)/bare
	GOOS=js GOARCH=wasm $(GO) build -ldflags='-s -w' -o $(WEB)/bare/main.wasm ./bench/bare
	cp $(WEB)/index.html $(WEB)/wasm_exec.js $(WEB)/bare/
	BENCH_WEB=$(WEB) node bench/fps.mjs

# A short run of every fuzz target (go test -fuzz takes one target at a time).
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzStep$$' -fuzztime 30s ./raft/
	$(GO) test -run '^$$' -fuzz '^FuzzReadWAL$$' -fuzztime 30s ./raft/
	$(GO) test -run '^$$' -fuzz '^FuzzParseScenario$$' -fuzztime 30s ./playground/
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeLink$$' -fuzztime 30s ./playground/
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime 30s ./lessons/
	$(GO) test -run '^$$' -fuzz '^FuzzParsePredicate$$' -fuzztime 30s ./lessons/
	$(GO) test -run '^$$' -fuzz '^FuzzScenarioOnEtcd$$' -fuzztime 30s ./playground/etcdraft/

# A short run of each fuzz target that reads what a user hands over: a
# scenario file, a share link, a lesson file, a disk's write-ahead log
# (about a minute in all, most of it building; make fuzz runs every target
# longer). The run is a count of inputs, not a time: with -fuzztime 5s, Go
# 1.26's fuzzing coordinator can report its own deadline as a failure
# ("context deadline exceeded", golang/go#75804, fixed in Go 1.27).
FUZZ_SMOKE ?= 30000x
fuzz-smoke:
	$(GO) test -run '^$$' -fuzz '^FuzzParseScenario$$' -fuzztime $(FUZZ_SMOKE) ./playground/
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeLink$$' -fuzztime $(FUZZ_SMOKE) ./playground/
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZ_SMOKE) ./lessons/
	$(GO) test -run '^$$' -fuzz '^FuzzReadWAL$$' -fuzztime $(FUZZ_SMOKE) ./raft/

chaos:
	$(GO) run ./cmd/raftsim chaos --seeds 200
