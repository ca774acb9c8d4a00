# RaftLab build and test entry points. `make test` is what CI runs (.ci/run).
GO ?= go

.PHONY: test vet unit serve bench fuzz chaos

test: vet unit

vet:
	@bad=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$bad" ]; then echo "gofmt: these files need formatting:"; echo "$$bad"; exit 1; fi
	$(GO) vet ./...

unit:
	$(GO) test -count=1 ./...

# Until the visual playground lands: the headless simulator on a bundled scenario.
serve:
	$(GO) run ./cmd/raftsim run playground/scenarios/leader-crash.json

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./raft/ ./playground/

# A short run of every fuzz target (go test -fuzz takes one target at a time).
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzStep$$' -fuzztime 30s ./raft/
	$(GO) test -run '^$$' -fuzz '^FuzzReadWAL$$' -fuzztime 30s ./raft/
	$(GO) test -run '^$$' -fuzz '^FuzzParseScenario$$' -fuzztime 30s ./playground/

chaos:
	$(GO) run ./cmd/raftsim chaos --seeds 200
