package i18n

// enUIWelcome: the welcome card a first visit to the sandbox shows.
var enUIWelcome = messages{
	{"welcome.title", "Welcome to RaftLab"},
	{"welcome.text", "RaftLab shows how Raft keeps a group of servers in agreement. " +
		"On the left, five servers run Raft. Watch them elect a leader. " +
		"Learn step by step in the course, or explore on your own."},
	// A button: opens lesson 1.
	{"welcome.course", "Start the course"},
	{"welcome.course.hint", "Lesson 1: how the servers elect a leader"},
	// A button: closes the card.
	{"welcome.explore", "Explore freely"},
	{"welcome.explore.hint", "Close this card and use the playground"},
}
