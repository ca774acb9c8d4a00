// Command bare is the browser benchmark's yardstick (make bench-fps): an
// Ebiten game that only fills the screen with RaftLab's background, loaded
// through the same index.html. RaftLab's frame rate and time to the first
// frame are reported as ratios to this game's, measured in the same run,
// so that what Ebiten, WebGL and the browser cost on their own is not
// counted against RaftLab. It answers the few window.raftlab calls the
// benchmark makes: ready, readyMs, fps() and tps().
package main
