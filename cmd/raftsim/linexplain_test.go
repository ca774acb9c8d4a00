package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestCLIRunExplainsStaleRead: raftsim run on the stale read prints, after
// the verdict, the two calls that cannot be ordered and the sentence, in
// both languages; a linearizable run prints none of it.
func TestCLIRunExplainsStaleRead(t *testing.T) {
	r := cliRun(t, "run", cliScenarios+"stale-read.json")
	assert.Contains(t, r.stdout, `linearizability: illegal
  Not linearizable: the operations on key x that cannot be put in order:
    client 1: put x=2 → “ok”, invoked at 1.000s, returned at 1.326s
    client 1: get x → "1", invoked at 1.500s, returned at 1.527s
  client 1's get x returned "1" at 1.527s, after client 1's put x=2 had returned at 1.326s
`)
	zh := cliRun(t, "--lang", "zh-CN", "run", cliScenarios+"stale-read.json")
	assert.Contains(t, zh.stdout, `  客户端 1 的 get x 返回了 "1"（1.527 秒），而此前客户端 1 的 put x=2 已经返回（1.326 秒）
`)
	ok := cliRun(t, "run", cliScenarios+"log-replication.json")
	assert.NotContains(t, ok.stdout, "Not linearizable")
}
