// Package picture draws RaftLab's cluster without a screen, for pictures
// a teacher takes away: a moment as an image (PNG), a time range as an
// animation (GIF), and a slide (SVG) of the servers' logs and of the
// messages they exchanged. It draws what the app shows, in the app's
// colours and layout idea (a ring of servers, their logs below), in pure
// Go (golang.org/x/image's rasterizer and fonts), so that raftsim renders
// headless, without the GPU context Ebiten needs.
//
// It reads the playground through its views only, and takes its colours
// from internal/palette, as the app does; the Chinese fonts are handed in
// (SetCJKFont) rather than imported, so that the browser, which fetches
// them only when Chinese is chosen, does not build them in. It imports
// nothing of RaftLab but playground/view, playground/i18n and
// internal/palette.
package picture
