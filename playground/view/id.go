package view

import "strconv"

// ID names a server. The zero ID, None, means "nobody".
type ID uint64

// None is the ID of no server: no vote cast, no leader known.
const None ID = 0

// Name names a server as every screen does: S1, S2, ... (None is S0; say
// "nobody" through the catalogue where None can occur). It is not String,
// so that fmt writes an ID as the number it is.
func (id ID) Name() string { return "S" + strconv.FormatUint(uint64(id), 10) }
