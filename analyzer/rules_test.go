package analyzer

import (
	"testing"
)

// TestRuleTable checks what the dispatcher relies on: each rule is a
// write rule or a node rule, write rules inspect some kind of write and
// have distinct precedences, and every rule says what it finds.
func TestRuleTable(t *testing.T) {
	names := make(map[string]bool)
	precedences := make(map[int]string)
	for _, r := range rules {
		if names[r.name] {
			t.Errorf("rule %s listed twice", r.name)
		}
		names[r.name] = true
		if r.summary == "" {
			t.Errorf("rule %s has no summary", r.name)
		}
		if (r.write == nil) == (r.node == nil) {
			t.Errorf("rule %s must be a write rule or a node rule", r.name)
		}
		if r.write != nil {
			if r.inspects == 0 {
				t.Errorf("write rule %s inspects no kind of write", r.name)
			}
			if o, ok := precedences[r.precedence]; ok {
				t.Errorf("write rules %s and %s have the same precedence %d", o, r.name, r.precedence)
			}
			precedences[r.precedence] = r.name
		}
	}
	cfg := DefaultConfig()
	write, node := enabledRules(&cfg)
	if len(write)+len(node) != len(rules) {
		t.Errorf("default config enables %d rules, want %d", len(write)+len(node), len(rules))
	}
	for i := 1; i < len(write); i++ {
		if write[i-1].precedence >= write[i].precedence {
			t.Errorf("write rules out of precedence: %s before %s", write[i-1].name, write[i].name)
		}
	}
}
