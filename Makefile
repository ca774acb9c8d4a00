# RaftLab build and test entry points. `make test` is what CI runs (.ci/run).
GO ?= go

.PHONY: test vet unit bench fuzz

test: vet unit

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt: these files need formatting:"; gofmt -l .; exit 1; }
	$(GO) vet ./...

unit:
	$(GO) test -count=1 ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./raft/

# A short run of every fuzz target (go test -fuzz takes one target at a time).
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzStep$$' -fuzztime 30s ./raft/
	$(GO) test -run '^$$' -fuzz '^FuzzReadWAL$$' -fuzztime 30s ./raft/
