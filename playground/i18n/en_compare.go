package i18n

// enCompare: raftsim compare and raftsim chaos --engine: the two engines side by side.
var enCompare = map[string]string{}
