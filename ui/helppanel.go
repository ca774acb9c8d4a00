package ui

// helpPanel is the help overlay, over everything but the
// settings while it is open: any press closes it.
type helpPanel struct {
	g    *Game
	open bool
}

func (p *helpPanel) press(x, y float64, long bool) bool {
	p.clickHelp(x, y)
	return true
}

// tip: the overlay explains itself; nothing below it does.
func (p *helpPanel) tip(x, y float64) (tooltip, bool) { return tooltip{}, true }
