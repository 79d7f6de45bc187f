package main

import "testing"

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
