//go:build unix

package storage

import (
	"os"
	"syscall"
)

// openRead opens a file for reading; without blocking when asked, so that
// opening a named pipe returns at once instead of waiting for a writer.
func openRead(path string, noBlock bool) (*os.File, error) {
	if !noBlock {
		return os.Open(path)
	}
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
