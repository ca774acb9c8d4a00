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
