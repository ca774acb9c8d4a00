package i18n

// zhUIClient: the client panel and the partition dialog, in Chinese.
var zhUIClient = map[string]string{}
