// Package cli wires secpath's commands (cobra) to the domain, the loader
// and the file formats, and maps every failure to one clear message on
// stderr and an exit code: 0 success, 1 invalid input or I/O error, 2 wrong
// usage, 130 aborted by the user.
package cli
