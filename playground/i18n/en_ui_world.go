package i18n

// enUIWorld: the inspector, the logs panel, the disks, the cluster drawing and the timeline.
var enUIWorld = map[string]string{}
