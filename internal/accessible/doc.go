// Package accessible runs secpath's interactive assessment as a plain,
// line-based conversation for screen readers, braille displays, dumb
// terminals and piped input.
//
// The full-screen interface redraws the screen, which a screen reader
// either reads out again and again or not at all. This version never
// redraws and never writes an escape sequence or a colour: it prints each
// question once as ordinary lines no wider than 80 columns, then reads one
// line of input. Every prompt accepts the same few commands (a number to
// answer, Enter or s to skip, b to go back, q to save and stop, ? for
// help), so nothing depends on seeing where a cursor is.
//
// Input is read through a single bufio.Reader for the whole run: a new
// scanner per prompt would buffer ahead and swallow the lines meant for
// the next prompts when the answers are piped in. The same property makes
// the package easy to test with a strings.Reader.
//
// The session is saved through a callback after every answer and skip, so
// a closed terminal or an ended pipe loses nothing already answered.
package accessible
