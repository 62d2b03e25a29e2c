package serve

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// Extension names under which authentication leaves who proved what, for
// the identity check of every session to compare with.
const (
	extFingerprint = "secpath-fingerprint"
	extFacilitator = "secpath-facilitator"
	extCode        = "secpath-resume-code"
)

// person is who a connection is: one key (or one resume code) is one
// person, whose sessions are kept in a directory of their own.
type person struct {
	// ID names the person's directory: k- and the hex SHA-256 of the key,
	// or c- and the hex SHA-256 of the resume code (so the code itself is
	// written nowhere).
	ID string
	// Fingerprint is the key's SHA256 fingerprint, "" for a keyless visitor.
	Fingerprint string
	// Code is a keyless visitor's resume code, as shown to them.
	Code string
	// Facilitator is a key listed in the facilitators file.
	Facilitator bool
}

// short is what the log says of a person: the fingerprint's first
// characters, enough to tell keys apart, or that it was a resume code.
func (p person) short() string {
	if p.Fingerprint != "" {
		fp := p.Fingerprint
		if len(fp) > 19 {
			fp = fp[:19]
		}
		return fp
	}
	return "resume-code"
}

// pseudonym is the stable name the room view shows for a person who gave
// none: two words chosen by their id, the same on every connection.
func (p person) pseudonym() string {
	sum := sha256.Sum256([]byte(p.ID))
	return adjectives[int(sum[0])%len(adjectives)] + " " + animals[int(sum[1])%len(animals)] + " " + strings.ToUpper(hex.EncodeToString(sum[2:3]))
}

var adjectives = []string{"Amber", "Brisk", "Calm", "Deft", "Eager", "Fair", "Grand", "Hardy", "Keen", "Lucid", "Merry", "Noble", "Quick", "Quiet", "Steady", "Swift"}

var animals = []string{"Badger", "Crane", "Falcon", "Fox", "Heron", "Ibex", "Lynx", "Marten", "Otter", "Owl", "Puffin", "Raven", "Robin", "Stoat", "Swan", "Wren"}

func keyPerson(key ssh.PublicKey) person {
	sum := sha256.Sum256(key.Marshal())
	return person{ID: "k-" + hex.EncodeToString(sum[:]), Fingerprint: gossh.FingerprintSHA256(key)}
}

func codePerson(code string) person {
	sum := sha256.Sum256([]byte(code))
	return person{ID: "c-" + hex.EncodeToString(sum[:]), Code: code}
}

// codeAlphabet leaves out letters read as one another (0/O, 1/I/L).
const codeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

// newCode makes a resume code: eight characters, about 40 bits, shown as
// ABCD-EFGH. The rate limiter makes guessing one hopeless.
func newCode() (string, error) {
	var raw [8]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return "", fmt.Errorf("making a resume code: %w", err)
	}
	var b strings.Builder
	for i, c := range raw {
		if i == 4 {
			b.WriteByte('-')
		}
		b.WriteByte(codeAlphabet[int(c)%len(codeAlphabet)])
	}
	return b.String(), nil
}

// normalCode reads a typed resume code: case, spaces and dashes do not
// matter. ok is false when it cannot be a code.
func normalCode(s string) (string, bool) {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		switch {
		case r == '-' || r == ' ':
		case strings.ContainsRune(codeAlphabet, r):
			b.WriteRune(r)
		default:
			return "", false
		}
	}
	if b.Len() != 8 {
		return "", false
	}
	c := b.String()
	return c[:4] + "-" + c[4:], true
}

// inKeysFile reports whether key is listed in an authorized_keys file. It
// reads the file on every call, so keys added during a workshop count at
// once; a line that does not parse is passed over, as sshd does.
func inKeysFile(path string, key ssh.PublicKey) (bool, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return false, fmt.Errorf("reading %s: %w", path, err)
	}
	want := key.Marshal()
	for len(data) > 0 {
		k, _, _, rest, err := gossh.ParseAuthorizedKey(data)
		if err != nil {
			break // no further key in the file
		}
		if bytes.Equal(k.Marshal(), want) {
			return true, nil
		}
		data = rest
	}
	return false, nil
}

// personDir is a person's sessions directory under the data directory,
// created with mode 0700.
func personDir(data string, p person) (string, error) {
	dir := filepath.Join(data, "people", p.ID)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("creating %s: %w", dir, err)
	}
	return dir, nil
}

// ensurePrivateDir creates dir with mode 0700 or checks that an existing
// one is not open to others: the data directory holds every participant's
// answers.
func ensurePrivateDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("creating %s: %w", dir, err)
	}
	st, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("reading %s: %w", dir, err)
	}
	if !st.IsDir() {
		return fmt.Errorf("%s is not a directory", dir)
	}
	if st.Mode().Perm()&0o077 != 0 {
		return fmt.Errorf("%s is open to other users (mode %v): it holds every participant's answers; run chmod 700 %s", dir, st.Mode().Perm(), dir)
	}
	return nil
}

// loadHostKey reads the server's host key, or creates an ed25519 one with
// mode 0600 when the file does not exist yet. A key file others can read
// is refused: whoever reads it can pose as the server.
func loadHostKey(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return createHostKey(path)
	}
	if err != nil {
		return nil, fmt.Errorf("reading the host key %s: %w", path, err)
	}
	if st, err := os.Stat(path); err == nil && st.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("the host key %s is readable by others (mode %v): run chmod 600 %s", path, st.Mode().Perm(), path)
	}
	if _, err := gossh.ParsePrivateKey(data); err != nil {
		return nil, fmt.Errorf("the host key %s: %w", path, err)
	}
	return data, nil
}
