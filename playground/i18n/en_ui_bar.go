package i18n

// enUIBar: the top bar, the controls around the canvas, the node/link/message menus and their tooltips.
var enUIBar = map[string]string{}
