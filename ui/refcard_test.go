package ui

import (
	"strings"
	"testing"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/stretchr/testify/assert"
)

// TestSafetyCardInChinese: in Chinese the card's opener, title, property
// names and definitions are Chinese.
func TestSafetyCardInChinese(t *testing.T) {
	g := openTestLesson(t)
	g.lang = i18n.Chinese
	assert.Equal(t, "安全性卡片", g.card.cardOpener(0, 0).Label)
	_, texts := g.card.cardLaidOut()
	var all strings.Builder
	for _, tx := range texts {
		all.WriteString(tx.s)
	}
	for _, want := range []string{"Raft 的五条安全性质", "选举安全性", "状态机安全性", "一个任期内至多选出一个领导者。", "按 Esc 或点击关闭此卡片。"} {
		assert.Contains(t, all.String(), want)
	}
	assert.NotContains(t, all.String(), "Election Safety")
}
