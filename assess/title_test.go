package assess

import "testing"

func TestFoldAccents(t *testing.T) {
	for in, want := range map[string]string{"Défense": "defense", "RESPONSABLE SÉCURITÉ": "responsable securite", "Ærø Straße": "aero strasse", "Łódź": "lodz"} {
		if got := foldAccents(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

// Accented titles match their unaccented aliases.
func TestMatchRoleFoldsAccents(t *testing.T) {
	b := testBank()
	b.Roles[1].Aliases = []string{"Cyber defence manager"}
	if r := b.MatchRole("Cyber Défence Manager"); r == nil || r.ID != "mgr" {
		t.Errorf("MatchRole(Cyber Défence Manager) = %v", r)
	}
}
