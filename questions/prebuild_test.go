package questions

import "testing"

// TestPrebuiltHandsItsBankOnce: the bank built in the background goes to
// the first caller only; every later caller gets a bank of its own, and
// every one of them is prepared and equal to Default's.
func TestPrebuiltHandsItsBankOnce(t *testing.T) {
	p := Prebuild()
	first, rep, err := p.Default()
	if err != nil || !rep.OK() {
		t.Fatalf("first: %v %v", err, rep.Errors)
	}
	second, _, err := p.Default()
	if err != nil {
		t.Fatal(err)
	}
	if first == second || &first.Questions[0] == &second.Questions[0] {
		t.Fatal("two callers of one Prebuilt share a bank")
	}
	other, _, err := Prebuild().Default()
	if err != nil {
		t.Fatal(err)
	}
	if other == first {
		t.Fatal("two Prebuilts handed out the same bank")
	}
	want, _, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string]interface {
		Prepared() bool
	}{"first": first, "second": second, "other": other} {
		if !b.Prepared() {
			t.Errorf("the %s bank is not prepared", name)
		}
	}
	if len(first.Questions) != len(want.Questions) || first.Meta.Name != want.Meta.Name || first.Meta.Version != want.Meta.Version || first.Role("ciso") == nil {
		t.Errorf("the prebuilt bank differs from Default's: %d questions, meta %+v", len(first.Questions), first.Meta)
	}
}
