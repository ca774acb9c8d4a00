package i18n

// zhUIWorld: the inspector, the logs panel, the disks, the cluster drawing and the timeline, in Chinese.
var zhUIWorld = map[string]string{}
