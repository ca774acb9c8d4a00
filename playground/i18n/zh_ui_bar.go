package i18n

// zhUIBar: the top bar, the controls around the canvas, the node/link/message menus and their tooltips, in Chinese.
var zhUIBar = map[string]string{}
