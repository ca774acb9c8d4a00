package doc

import "fmt"

// Speeds are the playback speeds a lesson may ask for, in virtual
// milliseconds per real second: from 1/1000x to 1x. The views offer the
// same ones.
var Speeds = []int{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000}

// DefaultSpeed is the playback speed of a lesson that names none: 1/50x,
// where single messages cross the screen in about half a second.
const DefaultSpeed = 20

// SpeedLabel writes a speed as a fraction of real time: 1/50x, 1x.
func SpeedLabel(v int) string {
	if v >= 1000 {
		return "1x"
	}
	return fmt.Sprintf("1/%dx", 1000/v)
}
