package playground

import (
	"github.com/raftlab/raftlab/playground/i18n"
	"github.com/raftlab/raftlab/playground/view"
)

// View is what a screen shows of the flight: its ends and times, and of a
// Raft message its type, term, verdict and how many entries it carries.
// Its Text keeps a copy of the flight: the world reuses a flight once it
// has landed.
func (f *Flight) View() view.Flight {
	c := *f
	out := view.Flight{
		ID: f.ID, Kind: f.Kind, From: view.ID(f.From), To: view.ID(f.To), Client: f.Client,
		SendAt: f.SendAt, DeliverAt: f.DeliverAt, Lost: f.Lost, LostWhy: lostWhy(f), Duplicate: f.Duplicate, Held: f.held,
		Text: eventText{Event{Type: view.EvSend, Flight: &c}},
	}
	if f.Kind == view.FlightRaft {
		out.Msg = view.Message{Type: view.MsgType(f.Raft.Type), Reject: f.Raft.Reject, Term: f.Raft.Term, Entries: len(f.Raft.Entries)}
		out.Msg.Native = string(nameOf(&f.Raft))
	}
	if f.Reply != nil {
		r := *f.Reply
		out.Reply = &r
	}
	return out
}

// View is what a screen shows of the event; its Text is the feed's
// sentence.
func (e Event) View() view.Event {
	out := view.Event{
		AtMs: e.AtMs, Type: e.Type, Node: view.ID(e.Node), Peer: view.ID(e.Peer),
		Term: e.Term, Index: e.Index, Index2: e.Index2, Role: view.Role(e.Role), Client: e.Client,
		Key: e.Key, Note: e.Note, Retry: e.Retry, Echo: e.Echo(), Text: eventText{e},
	}
	if e.Flight != nil {
		f := e.Flight.View()
		out.Flight = &f
	}
	return out
}

// eventText is an event's sentence, said in the language asked for.
type eventText struct{ e Event }

func (t eventText) In(lang i18n.Lang) string { return t.e.TextIn(lang) }

// View is what a screen shows of the violation.
func (v Violation) View() view.Violation {
	return view.Violation{AtMs: v.AtMs, Property: v.Property, Nodes: idsView(v.Nodes), Message: violationText{v}}
}

// violationText is what broke, said in the language asked for.
type violationText struct{ v Violation }

func (t violationText) In(lang i18n.Lang) string { return t.v.MessageIn(lang) }

// View is what a screen shows of the stale read.
func (s StaleRead) View() view.StaleRead {
	return view.StaleRead{Violation: s.Violation.View(), Call: s.Call}
}
