package analyzer

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
)

// A rule is one check, declared in its own file and listed once in the
// table rules, so that adding a rule touches neither the dispatcher
// (checkDecl, checkWrite) nor another rule.
type rule struct {
	name    string // the Category of its diagnostics and its README anchor
	summary string // one line, for help
	fix     string // what its fix does, in one line; empty when it has none
	off     bool   // not enabled unless named in Config.Rules

	// A write rule sees each write of the kinds it inspects, with its
	// filter and update read; it returns whether it reported the write,
	// which ends the write's checks. The write rules run by precedence,
	// lowest first, so that a write is reported under one rule at most.
	inspects   guardKind
	precedence int
	write      func(c *checker, wc *writeCheck) bool

	// A node rule sees every call, composite literal, binary expression
	// and switch of a declaration; w is the write at cur, or nil.
	node func(c *checker, cur inspector.Cursor, w *write)
}

// A guardKind is what the filter and the update of a write say about a
// guard; see evaluator.guards.
type guardKind uint8

const (
	guardedWrite   guardKind = 1 << iota // a filter field that the update changes
	maybeGuarded                         // a filter field that may guard it, or may be written back
	unguardedWrite                       // no filter field the update changes
)

// writeCheck is one write as the write rules see it.
type writeCheck struct {
	w      *write
	ev     *evaluator
	ff     filterFields
	uf     updateFields
	guards []string // sure guards: filter fields the update changes
	maybe  []string // fields that may guard it
	kind   guardKind
}

// rules is the table of rules, in the order of the documentation.
var rules = []*rule{
	unguardedRule,
	uncheckedRule,
	removedRule,
	noDocsRule,
	staleRule,
	insertIfAbsentRule,
	checkThenActRule,
}

// RuleInfo describes a rule for help and for SARIF.
type RuleInfo struct {
	Name    string // as in Config.Rules and //mongocas:ignore
	Summary string // one line
	Fix     string // what its fix does; empty when it has none
	Default bool   // enabled by DefaultConfig
	URL     string // its section of the README
}

// Rules describes every rule, in the order of the documentation.
func Rules() []RuleInfo {
	infos := make([]RuleInfo, len(rules))
	for i, r := range rules {
		infos[i] = RuleInfo{Name: r.name, Summary: r.summary, Fix: r.fix, Default: !r.off, URL: ruleURL(r.name)}
	}
	return infos
}

// AllRules returns the names of the rules in the order of the documentation.
func AllRules() []string {
	names := make([]string, len(rules))
	for i, r := range rules {
		names[i] = r.name
	}
	return names
}

// defaultRules returns the names of the rules enabled by default.
func defaultRules() []string {
	var names []string
	for _, r := range rules {
		if !r.off {
			names = append(names, r.name)
		}
	}
	return names
}

// enabledRules returns the enabled write rules, by precedence, and node
// rules of cfg.
func enabledRules(cfg *Config) (write, node []*rule) {
	for _, r := range rules {
		switch {
		case !slices.Contains(cfg.Rules, r.name):
		case r.write != nil:
			write = append(write, r)
		default:
			node = append(node, r)
		}
	}
	slices.SortStableFunc(write, func(a, b *rule) int { return cmp.Compare(a.precedence, b.precedence) })
	return write, node
}

// RulesHelp lists the rules for help: each with its default, whether it
// has a fix, and its summary.
func RulesHelp() string {
	var b strings.Builder
	b.WriteString("Rules (name, default, fix, what it reports):\n")
	for _, r := range Rules() {
		def, fix := "on ", "no fix"
		if !r.Default {
			def = "off"
		}
		if r.Fix != "" {
			fix = "fix   "
		}
		fmt.Fprintf(&b, "  %-24s %s  %s  %s\n", r.Name, def, fix, r.Summary)
	}
	return b.String()
}
