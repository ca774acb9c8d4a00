package main

import (
	"io"
	"testing"

	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSystemLang(t *testing.T) {
	for _, c := range []struct {
		env     map[string]string
		lang    i18n.Lang
		unknown string
	}{
		{map[string]string{}, "", ""},
		{map[string]string{"LANG": "zh_CN.UTF-8"}, i18n.Chinese, ""},
		{map[string]string{"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}, "", ""},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, i18n.Chinese, ""},
		{map[string]string{"LANG": "POSIX"}, "", ""},
		{map[string]string{"LANG": "fr_FR.UTF-8"}, "", "fr_FR.UTF-8"},
	} {
		lang, unknown := systemLang(func(k string) string { return c.env[k] })
		assert.Equal(t, c.lang, lang, c.env)
		assert.Equal(t, c.unknown, unknown, c.env)
	}
}

func TestLangFlag(t *testing.T) {
	c, err := parseArgs([]string{"--lang", "zh-CN"}, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, i18n.Chinese, c.lang)
	assert.Empty(t, c.badLang)

	c, err = parseArgs([]string{"--lang", "xx"}, io.Discard)
	require.NoError(t, err, "an unknown language is not a stop")
	assert.Equal(t, i18n.English, c.lang)
	assert.Equal(t, "xx", c.badLang)
}
