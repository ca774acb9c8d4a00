package i18n

// zhChallenge: challenges, the goals a teacher sets in a scenario, as the
// file, the judge, the app and raftsim speak of them.
var zhChallenge = messages{
	{"scenario.challenge.long", "%d 字节：最多 %d"},
	{"scenario.challenge.utf8", "不是 UTF-8 文本"},
	{"scenario.challenge.twice", "%q 被禁止了两次"},
	{"scenario.challenge.within", "必须在 0（不限时）到 %d 毫秒之间，而不是 %d"},
	{"scenario.challenge.within-until", "%d 毫秒超过了场景的结束时间（until：%d 毫秒）"},
	{"raftsim.challenge.scripted", "第 %d 步：挑战禁止 %q，所以它自己的脚本不能使用它"},
	{"lessons.challenge.condition", "challenge.%s：%v"},
	{"lessons.challenge.forbidden", "使用了 %s，而挑战禁止它"},
	{"lessons.challenge.time-up", "时间到：没有在 %.3f 秒内达成目标"},
	{"lessons.challenge.fail-holds", "挑战的失败条件成立：%s"},
	{"challenge.title", "挑战"},
	{"challenge.open", "尚未达成。运行模拟来达成目标。"},
	{"challenge.open.left", "尚未达成：还剩 %.1f 秒。"},
	{"challenge.passed", "在 %.3f 秒通过。结果代码：%s。按 L 分享你的解法。"},
	{"challenge.failed", "在 %.3f 秒失败：%s。"},
	{"challenge.retry", "再试一次"},
	{"challenge.retry.hint", "从头重新开始这个挑战"},
	{"raftsim.challenge.usage", `用法：
  raftsim challenge link FILE [--base URL]
  raftsim challenge verify LINK|FILE [--code XXXX-XXXX]
`},
	{"raftsim.challenge.one", "请给出一个文件或链接，而不是 %d 个"},
	{"raftsim.challenge.none", "它的场景没有设置挑战"},
	{"raftsim.challenge.too-large", "文件大于 %d MiB：它既不是链接也不是场景文件"},
	{"raftsim.challenge.passed", "PASS %s：在 %.3f 秒通过，结果代码 %s"},
	{"raftsim.challenge.failed", "FAIL %s：在 %.3f 秒失败：%s"},
	{"raftsim.challenge.open", "FAIL %s：到解法所示的时刻 %.3f 秒仍未通过"},
	{"raftsim.challenge.other-code", "FAIL %s：这次运行在 %.3f 秒通过，结果代码是 %s，而不是 %s"},
}
