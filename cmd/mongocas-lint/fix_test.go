package main

import (
	"math/rand"
	"strings"
	"testing"
)

// TestDiffLines checks that the edit script of diffLines turns the old
// lines into the new ones, on random edits of a text.
func TestDiffLines(t *testing.T) {
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
		for _, op := range diffLines(a, b) {
			switch op.kind {
			case ' ':
				if a[op.a] != b[op.b] {
					t.Fatalf("case %d: kept line %d differs from new line %d", i, op.a, op.b)
				}
				got, old = append(got, a[op.a]), append(old, a[op.a])
			case '+':
				got = append(got, b[op.b])
			case '-':
				old = append(old, a[op.a])
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

func TestUnifiedDiff(t *testing.T) {
	old := "package p\n\nimport \"fmt\"\n\nfunc f() {\n\tfmt.Println(1)\n}\n"
	fixed := "package p\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n)\n\nfunc f() {\n\tfmt.Println(2)\n}\n"
	want := `--- p.go
+++ p.go
@@ -1,7 +1,10 @@
 package p
 
-import "fmt"
+import (
+	"errors"
+	"fmt"
+)
 
 func f() {
-	fmt.Println(1)
+	fmt.Println(2)
 }
`
	if got := unifiedDiff("p.go", []byte(old), []byte(fixed)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
