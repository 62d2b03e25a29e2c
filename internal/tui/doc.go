// Package tui is secpath's full-screen interface: a bubbletea v2 program
// with one root model (App) and its screens (welcome, quiz, section
// overview, results, gap detail, save, and for mentors the review opening,
// gap review with sign-off, and comparison with an earlier assessment),
// each a file with its own Update, View and size handling.
//
// Mentor mode (Options.Mentor) adds a mentor panel to every question
// (mentorpanel.go): the question's mentor prompt, the mentor's own rating
// of the mentee and notes. A review (Options.ReviewPath) opens a mentee's
// file with the answers read-only; only the mentor's view is written, back
// into that file.
//
// # Screens and the root
//
// Every screen implements Screen (screen.go). The root builds them all
// from screenList, keeps them in a list by screenID, and talks to the one
// on show only through the interface: it routes messages to it, draws its
// View and Header, shows its Keys, asks whether it is Typing and has it
// Commit before leaving. Every screen is resized and restyled in the same
// loop. A screen's Update returns a Next: a command to run, whether the
// session changed (the autosaver is told), a status, and the Destination
// to open next. The root acts on it before the next message, so keys
// typed right after enter reach the screen that enter opened. Screens share
// the session, layout, styles, keys, the latest result and the earlier
// assessment through Common, never through each other.
//
// # How to add a screen
//
//  1. Write the screen in its own file: a type that embeds screenBase
//     (which does nothing for Init, Open, SetSize, SetStyles, Typing and
//     Commit), defines Update, View, Header and Keys and whichever of the
//     others it needs, a constructor func(*Common, Options) Screen, and a
//     destination type whose Target method returns the screen's id. Open
//     receives that destination and prepares the screen for it.
//  2. Add the id to the screenID constants in screen.go.
//  3. Add the constructor to screenList, keyed by the id.
//
// Nothing else in the root changes. The screen is reached by any screen
// returning its destination in Next.Open (or a command yielding it).
//
// # The autosaver
//
// autosave.go writes the session after every change, one write at a time:
// a change during a write is written, as the session then is, when that
// write reports back. An older state never lands after a newer one, and
// the status line says saved only for a write that returned without error.
//
// The rules this package keeps:
//   - Update does no I/O; saving and exporting run in commands that report
//     back with typed messages (msgs.go).
//   - Keys are data (keys.go) and the help line always shows the keys that
//     work on the current screen and focus.
//   - Colours come from one Styles value built from semantic tokens for a
//     light or a dark background (styles.go).
//   - Layout is a pure function of the window size (layout.go); no line is
//     ever wider than the window.
package tui
