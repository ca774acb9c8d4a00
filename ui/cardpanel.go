package ui

// cardPanel is the card of Raft's safety properties, over the
// cluster while it is open. Its keys and presses are taken before the
// panels' (takeCardInput): any of them closes it.
type cardPanel struct {
	g     *Game
	open  bool
	cache panelCache
}

func (p *cardPanel) press(x, y float64, long bool) bool { return p.open }

// tip: nothing under the card is explained while it is open.
func (p *cardPanel) tip(x, y float64) (tooltip, bool) { return tooltip{}, p.open }
