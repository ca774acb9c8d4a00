package i18n

// enPicture: the pictures a teacher takes away (internal/picture, raftsim
// render, the app's save menu).
var enPicture = messages{
	// %dx%d is the size asked for, then the largest (or smallest) allowed.
	{"picture.size.max", "the picture is %dx%d pixels; the largest is %dx%d"},
	{"picture.size.min", "the picture is %dx%d pixels; the smallest is %dx%d"},
	{"picture.range.negative", "a time cannot be negative"},
	// %d ms: the start and the end of the range asked for.
	{"picture.range.empty", "the time range from %d ms to %d ms is empty: it must end after it starts"},
	// %d ms is the range asked for; then the longest in seconds and frames.
	{"picture.range.max", "the time range is %d ms long; the longest is %d s (%d frames)"},
	// %q is the file name asked for.
	{"picture.format", "%q is not a picture RaftLab writes: the name must end in .png, .gif or .svg"},

	// The slide (SVG). %s are times in seconds.
	{"picture.svg.range", "%s s to %s s"},
	{"picture.svg.logs", "Logs at %s s"},
	{"picture.svg.messages", "Messages from %s s to %s s"},
	{"picture.svg.committed", "committed"},
	// %s is a time in seconds.
	{"picture.svg.no-heartbeats", "Heartbeats (AppendEntries without entries) and the answers to them are shown for ranges of %s s or less."},
	{"picture.svg.uncommitted", "not committed"},

	{"raftsim.render.usage", `usage:
  raftsim render SCENARIO --png OUT.png [--at T] [--size WxH] [--light]
  raftsim render SCENARIO --gif OUT.gif [--from T] [--to T] [--size WxH] [--light]
  raftsim render SCENARIO --svg OUT.svg [--from T] [--to T] [--light]
SCENARIO is a scenario file or the name of a bundled scenario. A time T is
in milliseconds (1500) or with a unit (1.5s); --to is the scenario's end by
default, at most 60 s after --from. The size is 800x500 by default.
`},
	{"raftsim.render.one-scenario", "name one scenario (got %d)"},
	{"raftsim.render.one-output", "name one output: --png, --gif or --svg"},
	// %s is the flag (--from) and %q what was given.
	{"raftsim.render.time", "%s %q is not a time: give milliseconds (1500) or a duration (1.5s)"},
	{"raftsim.render.size", "--size %q is not a size: give WxH, as 800x500"},
	{"raftsim.render.at", "--at is for --png; an animation or a slide takes --from and --to"},
	{"raftsim.render.range", "--from and --to are for --gif and --svg; a picture takes --at"},
	// %s is the file written, %d its size in bytes.
	{"raftsim.render.wrote", "wrote %s (%d bytes)"},

	// The app's save menu (the Save control and the S key open it).
	{"save.menu.title", "Save"},
	{"save.menu.scenario", "Scenario file"},
	{"save.menu.png", "Picture (PNG)"},
	{"save.menu.gif", "Animation (GIF)"},
	{"save.menu.svg", "Slide (SVG)"},
	// %s is the file's name (raftlab.png).
	{"status.saved.picture", "saved %s"},
	// An animation or a slide takes a few seconds to draw. %s: raftlab.gif.
	{"status.picture.drawing", "drawing %s…"},
	{"status.picture.busy", "a picture is still being drawn: wait for it"},
	// An animation or a slide asked for at time 0.
	{"status.picture.empty", "nothing has happened yet: play the simulation first"},
}
