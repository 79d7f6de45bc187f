package analyzer

import (
	"fmt"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// ignorePrefix starts a directive that silences one rule on the line it is
// on and the line below: //mongocas:ignore <rule> <reason>.
const ignorePrefix = "//mongocas:ignore"

// ignores maps file name and line to the rules silenced there.
type ignores map[ignoreKey][]string

type ignoreKey struct {
	file string
	line int
}

// readIgnores collects the directives of the package, and reports those
// without a reason or naming an unknown rule: a directive that silences
// nothing, or silences without saying why, hides a lost write.
func readIgnores(pass *analysis.Pass) ignores {
	ign := make(ignores)
	for _, f := range pass.Files {
		for _, group := range f.Comments {
			for _, com := range group.List {
				rest, ok := strings.CutPrefix(com.Text, ignorePrefix)
				if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
					continue
				}
				fields := strings.Fields(rest)
				switch {
				case len(fields) == 0:
					reportDirective(pass, com.Pos(), com.End(), "//mongocas:ignore needs a rule and a reason: //mongocas:ignore <rule> <reason>")
					continue
				case !slices.Contains(AllRules(), fields[0]):
					reportDirective(pass, com.Pos(), com.End(), "//mongocas:ignore names unknown rule %q (known rules: %s)", fields[0], strings.Join(AllRules(), ", "))
					continue
				case len(fields) == 1:
					reportDirective(pass, com.Pos(), com.End(), "//mongocas:ignore %s needs a reason: say why a lost write is acceptable here", fields[0])
					continue
				}
				p := pass.Fset.Position(com.Pos())
				k := ignoreKey{p.Filename, p.Line}
				ign[k] = append(ign[k], fields[0])
			}
		}
	}
	return ign
}

func reportDirective(pass *analysis.Pass, pos, end token.Pos, format string, args ...any) {
	pass.Report(analysis.Diagnostic{
		Pos:      pos,
		End:      end,
		Category: ruleDirective,
		URL:      ruleURL("suppression"),
		Message:  withRule(fmt.Sprintf(format, args...), ruleDirective),
	})
}

// silenced reports whether a directive for rule stands on the line above
// the node at [pos, end) or on any of its lines.
func (ign ignores) silenced(fset *token.FileSet, rule string, pos, end token.Pos) bool {
	if len(ign) == 0 {
		return false
	}
	start, stop := fset.Position(pos), fset.Position(end)
	for line := start.Line - 1; line <= stop.Line; line++ {
		if slices.Contains(ign[ignoreKey{start.Filename, line}], rule) {
			return true
		}
	}
	return false
}
