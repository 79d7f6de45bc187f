package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mongocas/mongocas-lint/internal/clitest"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestSARIFSchema validates the SARIF log of mongocas-lint -sarif on the
// example against the SARIF 2.1.0 JSON schema. This module has a schema
// validator in its build (golangci-lint's), and the schema file comes with
// gosec's module, also in its build, so nothing is fetched from elsewhere.
func TestSARIFSchema(t *testing.T) {
	cmd := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/securego/gosec/v2")
	cmd.Env = append(os.Environ(), "GOWORK=off")
	dir, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list gosec: %v", err)
	}
	schemaFile := filepath.Join(strings.TrimSpace(string(dir)), "report", "sarif", "testdata", "sarif-schema-2.1.0.json")
	f, err := os.Open(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	schemaDoc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	const url = "sarif-schema-2.1.0.json"
	if err := c.AddResource(url, schemaDoc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}

	bin := clitest.Build(t, "../../cmd/mongocas-lint", "mongocas-lint")
	example := clitest.CopyModule(t, "../../example")
	out, code := clitest.Run(t, example, nil, bin, "-sarif", "./...")
	if code != 0 {
		t.Fatalf("mongocas-lint -sarif: exit %d\n%s", code, out)
	}
	if !strings.Contains(out, `"relatedLocations"`) || !strings.Contains(out, `"fixes"`) {
		t.Fatalf("the log has no related locations or no fixes:\n%s", out)
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("the SARIF log does not validate against the 2.1.0 schema: %v", err)
	}
	// The schema does reject a malformed log: a result level SARIF does
	// not know.
	bad, err := jsonschema.UnmarshalJSON(strings.NewReader(strings.Replace(out, `"level": "warning"`, `"level": "severe"`, 1)))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(bad); err == nil {
		t.Fatal("a log with the level \"severe\" validates: the schema checks nothing")
	}
}
