//go:build !unix

package storage

import "os"

// openRead opens a file for reading. Without non-blocking opens, the
// regular-file check before opening is what keeps pipes out.
func openRead(path string, _ bool) (*os.File, error) { return os.Open(path) }
