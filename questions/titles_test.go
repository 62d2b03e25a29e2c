package questions

import "testing"

// Job titles as people write them, and the role a seasoned security
// mentor reads each as (written before the matcher was tuned). An empty
// want means no role: the person is placed from their answers, which is
// better than a wrong role.
func TestTitlesAsPeopleWriteThem(t *testing.T) {
	b, _, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ title, want string }{
		{"SOC lead", "soc-manager"},
		{"Team Lead, Security Operations", "soc-manager"},
		{"Head of Cyber Defence", "soc-manager"},
		{"Cyber Defense Center Manager", "soc-manager"},
		{"Head of Security Operations", "soc-manager"},
		{"Senior Security Engineer", "security-engineer"},
		{"Security Analyst II", "security-engineer"},
		{"Principal Security Consultant", "security-engineer"},
		{"Sr. Security Architect", "security-architect"},
		{"Security Team Lead", "technical-security-manager"},
		{"GRC Lead", "grc-analyst"},
		{"Security Programme Manager", "security-program-manager"},
		{"Security Program Manager", "security-program-manager"},
		{"Information Security Officer", "it-security-manager"},
		{"Cybersecurity Manager", "it-security-manager"},
		{"Cyber Security Manager", "it-security-manager"},
		{"Head of Security", "head-of-security"},
		{"Head of IT Security", "head-of-security"},
		{"Director, Cyber Security", "head-of-security"},
		{"VP, Information Security", "head-of-security"},
		{"Vice President of Information Security", "head-of-security"},
		{"Deputy CISO", "head-of-security"},
		{"Deputy Group CISO", "head-of-security"},
		{"Acting CISO", "ciso"},
		{"Interim CISO", "ciso"},
		{"Group Chief Information Security Officer", "ciso"},
		{"Chief of Staff to the CISO", ""},
		{"Fractional CISO", "vciso"},
		{"Head of IT", "it-manager"},
		{"IT Director", "it-manager"},
		{"Deputy CIO", "it-manager"},
		{"Data Protection Officer (DPO)", "privacy-manager"},
		{"IT Security Lead", ""},
		{"Head of IT and Security", "head-of-security"},
		{"Chief Risk and Compliance Officer", "cro"},
		{"Assistant to the CRO", ""},
		{"IT Risk Analyst", "grc-analyst"},
		{"Chef", ""},
	} {
		got := ""
		if r := b.MatchRole(c.title); r != nil {
			got = r.ID
		}
		if got != c.want {
			t.Errorf("%q read as %q, want %q", c.title, got, c.want)
		}
	}
}
