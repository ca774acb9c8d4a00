package i18n

// zhUIClient: the client panel and the partition dialog, in Chinese.
var zhUIClient = map[string]string{
	"client.key":         "键：%s",
	"client.value":       "值：%s",
	"client.key.hint":    "点击后输入键。按 Enter 发送 put，按 Esc 离开输入框",
	"client.value.hint":  "点击后输入值。按 Enter 发送 put，按 Esc 离开输入框",
	"client.use":         "改用 %s",
	"client.use.hint":    "使用预设的键（点击切换）",
	"client.to.leader":   "发往：领导者",
	"client.to":          "发往：%s",
	"client.to.hint":     "客户端把请求发往哪里：它认为的领导者，或某一台服务器（点击切换）",
	"client.put":         "put",
	"client.put.hint":    "把值写入这个键",
	"client.get":         "get",
	"client.get.hint":    "读取这个键，按设置中的读模式确认",
	"client.delete":      "delete",
	"client.delete.hint": "删除这个键",
	"client.cas":         "cas",
	"client.cas.hint":    "比较并交换（compare-and-swap）：如果这个键的值仍是该客户端上次看到的值，就写入新值",

	"partition.open":        "分区…",
	"partition.open.hint":   "把服务器分成互相无法通信的两组",
	"partition.apply":       "应用",
	"partition.apply.hint":  "切断两组之间的网络",
	"partition.cancel":      "取消",
	"partition.cancel.hint": "保持网络原样",
	"partition.title":       "划分网络分区",
	"partition.hint":        "点击一台服务器把它移到另一组，或拖动它。",
	"partition.group":       "%s 组：%s",
	"partition.group.empty": "%s 组：没有服务器",
}
