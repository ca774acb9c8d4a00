package i18n

import (
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEveryKeyIsInEveryLanguage(t *testing.T) {
	en := catalogue(English)
	require.NotEmpty(t, en)
	for _, l := range Langs[1:] {
		tr := catalogue(l)
		for _, k := range sortedKeys(en) {
			assert.Contains(t, tr, k, "%s has no %s translation", k, l)
		}
		for _, k := range sortedKeys(tr) {
			assert.Contains(t, en, k, "%s: %s is not an English key", l, k)
		}
	}
}

func TestEveryKeyIsDefinedOnce(t *testing.T) {
	for _, l := range Langs {
		seen := map[string]int{}
		for i, p := range parts[l] {
			for _, e := range p {
				if j, ok := seen[e.key]; ok {
					t.Errorf("%s: %s is in parts %d and %d", l, e.key, j, i)
				}
				seen[e.key] = i
			}
		}
	}
}

func TestTranslationsUseTheSameArguments(t *testing.T) {
	en := catalogue(English)
	for _, l := range Langs[1:] {
		for k, tr := range catalogue(l) {
			assert.Equal(t, verbs(en[k]), verbs(tr), "%s %s: %q and %q", l, k, en[k], tr)
			assert.NotEmpty(t, tr, "%s %s", l, k)
		}
	}
}

var verbRE = regexp.MustCompile(`%(?:\[(\d+)\])?[-+# 0]*\d*(?:\.\d+)?([a-zA-Z%])`)

// verbs maps each argument a format uses (1-based) to its verb.
func verbs(format string) map[int]string {
	out := map[int]string{}
	next := 1
	for _, m := range verbRE.FindAllStringSubmatch(format, -1) {
		if m[2] == "%" {
			continue
		}
		if m[1] != "" {
			next, _ = strconv.Atoi(m[1])
		}
		out[next] = m[2]
		next++
	}
	return out
}

func TestVerbsReadsReorderedArguments(t *testing.T) {
	assert.Equal(t, map[int]string{1: "s", 2: "d"}, verbs("%s has %d%%"))
	assert.Equal(t, map[int]string{1: "s", 2: "d"}, verbs("%[2]d 个，属于 %[1]s"))
	assert.NotEqual(t, verbs("%s %d"), verbs("%d %s"))
}

func TestT(t *testing.T) {
	assert.Equal(t, "语言", Chinese.T("app.language"))
	assert.Equal(t, "Language \"fr\" is not available; showing English.", English.T("app.language.notice", "fr"))
	assert.Equal(t, "⟦Language⟧", Pseudo.T("app.language"))
	assert.Equal(t, "[no.such.key]", Chinese.T("no.such.key"))
}

func TestParse(t *testing.T) {
	for tag, want := range map[string]Lang{
		"en": English, "en-US": English, "EN_gb.UTF-8": English,
		"zh-CN": Chinese, "zh": Chinese, "zh-Hans-CN": Chinese, "zh_CN.UTF-8": Chinese, "zh-SG": Chinese,
	} {
		got, err := Parse(tag)
		assert.NoError(t, err, tag)
		assert.Equal(t, want, got, tag)
	}
	for _, tag := range []string{"", "fr", "zh-TW", "zh-Hant", "klingon"} {
		got, err := Parse(tag)
		assert.Error(t, err, tag)
		assert.Equal(t, English, got, "%q falls back to English", tag)
	}
	_, err := Parse("fr")
	assert.EqualError(t, err, `language "fr" is not available (available: en, zh-CN)`)
}

func sortedKeys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
