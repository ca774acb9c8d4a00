package i18n

// zhCompare: raftsim compare 与 raftsim chaos --engine（两个引擎对照）。
var zhCompare = map[string]string{}
