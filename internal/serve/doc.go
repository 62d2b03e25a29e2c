// Package serve is the workshop server: secpath over SSH, one assessment
// per participant and a live view of the room for the facilitator.
//
// Every connection is one person, known by the SHA-256 fingerprint of the
// public key they proved (or, for a keyless visitor when the server allows
// them, by a resume code it gave them). Each person's sessions live in a
// directory of their own under the data directory, mode 0700, and nothing
// a participant types names a file: the export dialog is switched off and
// the commands without a terminal (plan, score, sessions) write to the
// person's own connection. The personal secpath binary links none of this
// (cmd/secpath's tests keep it so).
//
// The server is built from wish middlewares (recover, logging, a rate
// limiter, the identity check, a limit on sessions, the command gate) in
// front of two faces: the full-screen interface of internal/tui, one
// tea.Program per connection, and the facilitator's room view. The room
// (room.go) is the one place where people meet: it holds what the room
// view shows, progress counts and names already made safe, never answers.
package serve
