package i18n

// enUIClient: the client panel and the partition dialog.
var enUIClient = map[string]string{}
