package assess

import "testing"

// TestUnpreparedLookupsWriteNothing: a bank that was never prepared answers
// every lookup, and reading it leaves it as it was, so goroutines sharing
// it race with nothing.
func TestUnpreparedLookupsWriteNothing(t *testing.T) {
	b := testBank()
	if b.Prepared() {
		t.Fatal("a literal bank starts prepared")
	}
	if r := b.Role("mgr"); r == nil || r != &b.Roles[1] {
		t.Fatalf("Role(mgr) = %p, want the bank's own role %p", r, &b.Roles[1])
	}
	if c := b.Competency("tech1"); c == nil || c.ID != "tech1" {
		t.Fatalf("Competency(tech1) = %+v", c)
	}
	if b.Question("no such question") != nil {
		t.Error("an unknown id found a question")
	}
	if b.Prepared() {
		t.Error("a lookup on an unprepared bank kept an index in it")
	}
}

// TestPrepareKeepsFirstDefinition: the prepared index answers as the
// unprepared one does, the first of two items with one id winning.
func TestPrepareKeepsFirstDefinition(t *testing.T) {
	b := testBank()
	dup := b.Roles[0]
	dup.Title = "second definition"
	b.Roles = append(b.Roles, dup)
	before := b.Role(dup.ID)
	b.Prepare()
	if !b.Prepared() {
		t.Fatal("Prepare left the bank unprepared")
	}
	after := b.Role(dup.ID)
	if before != after || after != &b.Roles[0] || after.Title == "second definition" {
		t.Fatalf("prepared Role(%s) = %p %q, unprepared %p; want the first, %p", dup.ID, after, after.Title, before, &b.Roles[0])
	}
}

// TestSizedCopyIsPrepared: the sized copy has an index of its own, over
// its own adjusted roles, whether or not the bank it came from was
// prepared, and the bank itself keeps its own.
func TestSizedCopyIsPrepared(t *testing.T) {
	for _, prepare := range []bool{false, true} {
		b := sizedTestBank()
		if prepare {
			b.Prepare()
		}
		small := b.Sized(SizeSmall)
		if small == b {
			t.Fatal("the small bank was not copied")
		}
		if !small.Prepared() {
			t.Errorf("prepare %v: the sized copy is not prepared", prepare)
		}
		if b.Prepared() != prepare {
			t.Errorf("prepare %v: Sized changed whether the bank is prepared", prepare)
		}
		if got := small.Role("mgr"); got != &small.Roles[1] || got.Targets[0].Level != 5 {
			t.Errorf("prepare %v: the sized copy's mgr is not its own adjusted role (%p, tech1 %d)", prepare, got, got.Targets[0].Level)
		}
		if got := b.Role("mgr"); got != &b.Roles[1] || got.Targets[0].Level != 4 {
			t.Errorf("prepare %v: the bank's own mgr changed (%p, tech1 %d)", prepare, got, got.Targets[0].Level)
		}
	}
}
