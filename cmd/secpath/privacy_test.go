package main

import (
	"encoding/json"
	"io"
	"os/exec"
	"strings"
	"testing"
)

// TestNoNetworkCode fails if any package of secpath imports a network
// package, or if anything linked into the binary can speak HTTP or TLS.
// Everything secpath does stays on the user's machine.
//
// The flag library (pflag) imports "net" for its IP-address flag types;
// it opens no connection, so "net" itself is allowed in dependencies, but
// not in secpath's own code.
func TestNoNetworkCode(t *testing.T) {
	if testing.Short() {
		t.Skip("go list skipped with -short")
	}
	out, err := exec.Command("go", "list", "-deps", "-json", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	own := []string{"net", "net/http", "net/rpc", "net/smtp", "crypto/tls", "os/exec"}
	everywhere := []string{"net/http", "net/rpc", "net/smtp", "crypto/tls"}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var p struct {
			ImportPath string
			Imports    []string
			Standard   bool
		}
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		ours := strings.HasPrefix(p.ImportPath, "github.com/secpath/secpath")
		for _, imp := range p.Imports {
			for _, bad := range everywhere {
				if imp == bad {
					t.Errorf("%s imports %s: the binary must not be able to reach the network", p.ImportPath, imp)
				}
			}
			if ours {
				for _, bad := range own {
					if imp == bad {
						t.Errorf("%s imports %s", p.ImportPath, imp)
					}
				}
			}
		}
	}
}
