// Package fonts holds the Chinese fonts of the zh-CN edition for the
// desktop app, which builds them in. The browser does not link this
// package: it fetches the same files only when Chinese is chosen (see
// wasm/), so that English users download nothing more.
package fonts

import _ "embed"

// SCRegular and SCBold are the Noto Sans CJK SC subsets that subset.py
// makes (OpenType, CFF outlines).
var (
	//go:embed NotoSansSC-Regular.subset.otf
	SCRegular []byte
	//go:embed NotoSansSC-Bold.subset.otf
	SCBold []byte
)
