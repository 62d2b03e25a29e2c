// Package tui is secpath's full-screen interface: a bubbletea v2 program
// with one root model (App) that switches between screens (welcome, quiz,
// section overview, results, gap detail, save, and for mentors the review
// opening, gap review with sign-off, and comparison with an earlier
// assessment), each a file with its own Update, View and size handling.
//
// Mentor mode (Options.Mentor) adds a mentor panel to every question
// (mentorpanel.go): the question's mentor prompt, the mentor's own rating
// of the mentee and notes. A review (Options.ReviewPath) opens a mentee's
// file with the answers read-only; only the mentor's view is written, back
// into that file.
//
// The rules this package keeps:
//   - Update does no I/O; saving runs in commands that report back with
//     typed messages (msgs.go).
//   - Keys are data (keys.go) and the help line always shows the keys that
//     work on the current screen and focus.
//   - Colours come from one Styles value built from semantic tokens for a
//     light or a dark background (styles.go).
//   - Layout is a pure function of the window size (layout.go); no line is
//     ever wider than the window.
package tui
