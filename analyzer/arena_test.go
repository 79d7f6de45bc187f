package analyzer

import "testing"

// An entry appended past a document's room leaves the arena: it does not
// write over the next document's entries.
func TestDocArenaRoom(t *testing.T) {
	var a docArena
	for range 2 { // before and after a reset
		d1, d2 := a.doc(1), a.doc(1)
		d1.entries = append(d1.entries, entry{key: "a"})
		d2.entries = append(d2.entries, entry{key: "c"})
		d1.entries = append(d1.entries, entry{key: "b"})
		if len(d1.entries) != 2 || d1.entries[0].key != "a" || d1.entries[1].key != "b" {
			t.Errorf("first document: %v", d1.entries)
		}
		if len(d2.entries) != 1 || d2.entries[0].key != "c" {
			t.Errorf("second document: %v", d2.entries)
		}
		a.reset()
	}
	if d := (*docArena)(nil).doc(2); cap(d.entries) != 2 || len(d.entries) != 0 {
		t.Errorf("no arena: entries %d of %d", len(d.entries), cap(d.entries))
	}
}
