package textdiff

import (
	"math/rand"
	"strings"
	"testing"
)

// TestLines checks that the edit script of Lines turns the old
// lines into the new ones, on random edits of a text.
func TestLines(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for i := range 500 {
		a := make([]string, r.Intn(30))
		for j := range a {
			a[j] = string(rune('a'+r.Intn(5))) + "\n"
		}
		b := append([]string(nil), a...)
		for range r.Intn(6) {
			at := r.Intn(len(b) + 1)
			switch {
			case r.Intn(2) == 0 && at < len(b):
				b = append(b[:at], b[at+1:]...)
			default:
				b = append(b[:at], append([]string{string(rune('a'+r.Intn(7))) + "\n"}, b[at:]...)...)
			}
		}
		// The script read forwards gives b; read backwards (kept and
		// deleted lines, by their index in a), it gives a.
		var got, old []string
		for _, op := range Lines(a, b) {
			switch op.Kind {
			case ' ':
				if a[op.A] != b[op.B] {
					t.Fatalf("case %d: kept line %d differs from new line %d", i, op.A, op.B)
				}
				got, old = append(got, a[op.A]), append(old, a[op.A])
			case '+':
				got = append(got, b[op.B])
			case '-':
				old = append(old, a[op.A])
			}
		}
		if strings.Join(got, "") != strings.Join(b, "") {
			t.Fatalf("case %d: script gives\n%q\nwant\n%q", i, got, b)
		}
		if strings.Join(old, "") != strings.Join(a, "") {
			t.Fatalf("case %d: kept and deleted lines give\n%q\nwant\n%q", i, old, a)
		}
	}
}
