package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestPersonalBinaryLinksNoNetwork keeps the personal secpath free of the
// server's code: none of SSH, the server's middlewares or an HTTP stack
// is among its dependencies, so its start-up and its claim to send
// nothing anywhere stay true. This binary has them; the test checks that
// too, so it cannot pass by listing nothing.
func TestPersonalBinaryLinksNoNetwork(t *testing.T) {
	if testing.Short() {
		t.Skip("go list skipped with -short")
	}
	deps := func(pkg string) map[string]bool {
		out, err := exec.Command("go", "list", "-deps", pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", pkg, err)
		}
		m := map[string]bool{}
		for _, l := range strings.Fields(string(out)) {
			m[l] = true
		}
		return m
	}
	banned := []string{"charm.land/wish/v2", "charm.land/ssh", "golang.org/x/crypto/ssh", "net/http"}
	personal := deps("github.com/secpath/secpath/cmd/secpath")
	for dep := range personal {
		for _, b := range banned {
			if dep == b || strings.HasPrefix(dep, b+"/") {
				t.Errorf("the personal secpath links %s", dep)
			}
		}
	}
	if !deps("github.com/secpath/secpath/cmd/secpath-serve")["charm.land/wish/v2"] {
		t.Error("secpath-serve does not list charm.land/wish/v2: the check would see nothing")
	}
}
