package i18n

// enEngine: the engine choice in the app (settings, the etcd build loading, joint configurations).
var enEngine = map[string]string{}
