package ui

import (
	"strings"
	"testing"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestClientRequestLinesInChinese: in Chinese the panel's request lines
// say the request's states in Chinese, a timed-out attempt told by its
// event's key; a switch of language redraws the lines at once.
func TestClientRequestLinesInChinese(t *testing.T) {
	g := testGame(t, "")
	g.SeekTo(3000)
	leader, ok := g.world().Leader()
	require.True(t, ok)
	down := leader%5 + 1
	g.act(view.Action{Do: "crash", Node: view.ID(down)})
	targetClient(t, g, view.ID(down))
	g.lang = i18n.Chinese
	pressClient(t, g, "client-put")
	var texts []string
	for ms := g.world().Now(); ms < 12000; ms += 5 {
		g.SeekTo(ms)
		l := g.client.requestLines()[0]
		if len(texts) == 0 || texts[len(texts)-1] != l.text {
			texts = append(texts, l.text)
		}
		if l.state == requestAnswered {
			assert.Contains(t, l.text, "次尝试时应答：成功")
			assert.Contains(t, l.why, "客户端 1 执行")
			break
		}
	}
	all := strings.Join(texts, "\n")
	assert.Contains(t, all, "已发往 "+view.ID(down).Name())
	assert.Contains(t, all, view.ID(down).Name()+" 超时，第 2 次重试")
	assert.NotContains(t, all, "answered")
	g.lang = i18n.English
	assert.Contains(t, g.client.requestLines()[0].text, "answered by")
}
