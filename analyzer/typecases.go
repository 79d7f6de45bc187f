package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/mongocas/mongocas-lint/internal/flow"
)

// This file reads a helper that switches on the type of the document it
// is given (switch v := doc.(type) { case bson.M: ...; case bson.D: ... }):
// each case builds the result its own way, and some (a default that
// reflects on a struct) cannot be read at all. A summary keeps what each
// case gives, tagged with the case, and a call keeps only the cases that
// its argument's type can take: a helper that can be read for a bson.D
// is read for a bson.D even when its reflection case cannot be.

// A typeCase ties a summarized value to one case of a type switch on a
// parameter: the helper gives the value when the argument's dynamic type
// takes that case. Types are named types, qualified by package path.
type typeCase struct {
	Param int
	Types []string // the named, non-interface types of the case
	// Open: the case may take a type not in Types: it is the default, or
	// lists an interface or a type parameter.
	Open bool
	// Sure are the types that a case of named types listed before any
	// open case takes: an argument of one of them takes that case.
	Sure []string
}

func (tc *typeCase) String() string {
	types := tc.Types
	if tc.Open {
		types = append(slices.Clip(types), "...")
	}
	return fmt.Sprintf("$%d is %s", tc.Param, strings.Join(types, "|"))
}

// A switchCase is one case clause of a type switch on a variable.
type switchCase struct {
	clause  *ast.CaseClause
	subject *types.Var // x of switch x.(type)
	implied *types.Var // the variable the clause declares (switch v := x.(type))
	types   []string
	open    bool
	sure    []string
}

// switchCases returns the case clauses of the type switches of the
// function, found once.
func (ev *evaluator) switchCases() []switchCase {
	if ev.cases != nil || !ev.fn.Valid() {
		return ev.cases
	}
	ev.cases = []switchCase{}
	for c := range ev.fn.Preorder((*ast.TypeSwitchStmt)(nil)) {
		ts := c.Node().(*ast.TypeSwitchStmt)
		var x ast.Expr
		switch a := ts.Assign.(type) {
		case *ast.AssignStmt:
			if len(a.Rhs) == 1 {
				x = a.Rhs[0]
			}
		case *ast.ExprStmt:
			x = a.X
		}
		ta, ok := ast.Unparen(x).(*ast.TypeAssertExpr)
		if !ok {
			continue
		}
		id, ok := ast.Unparen(ta.X).(*ast.Ident)
		subject, ok2 := ev.info.Uses[id].(*types.Var)
		if !ok || !ok2 {
			continue
		}
		var sure []string
		closed := true // no open case yet
		first := len(ev.cases)
		for _, st := range ts.Body.List {
			cc := st.(*ast.CaseClause)
			sc := switchCase{clause: cc, subject: subject, open: cc.List == nil}
			if v, ok := ev.info.Implicits[cc].(*types.Var); ok {
				sc.implied = v
			}
			for _, e := range cc.List {
				t := typeOf(ev.info, e)
				if t == nil {
					sc.open = true
					continue
				}
				if _, isParam := t.(*types.TypeParam); isParam || types.IsInterface(t) {
					sc.open = true
					continue
				}
				if n, isNamed := types.Unalias(t).(*types.Named); isNamed {
					sc.types = append(sc.types, qualifiedName(n))
				}
			}
			if closed && !sc.open {
				sure = append(sure, sc.types...)
			}
			closed = closed && !sc.open
			ev.cases = append(ev.cases, sc)
		}
		for i := first; i < len(ev.cases); i++ {
			ev.cases[i].sure = sure
		}
	}
	return ev.cases
}

// qualifiedName is the name of a named type, qualified by its package path.
func qualifiedName(n *types.Named) string {
	return types.TypeString(n.Origin(), nil)
}

// caseAt returns the case of a type switch on a parameter that holds
// the first of positions that one holds, or nil.
func (ev *evaluator) caseAt(params map[*types.Var]int, positions ...token.Pos) *typeCase {
	for _, pos := range positions {
		if !pos.IsValid() {
			continue
		}
		var in *switchCase
		for i, sc := range ev.switchCases() {
			p, isParam := params[sc.subject]
			inner := in == nil || in.clause.Pos() < sc.clause.Pos()
			if isParam && p >= 0 && inner && sc.clause.Pos() <= pos && pos < sc.clause.End() {
				in = &ev.cases[i]
			}
		}
		if in != nil {
			return &typeCase{Param: params[in.subject], Types: in.types, Open: in.open, Sure: in.sure}
		}
	}
	return nil
}

// impliedParam returns the parameter that the variable a type switch
// case declares stands for (v of switch v := doc.(type), doc a
// parameter).
func (ev *evaluator) impliedParam(v *types.Var, params map[*types.Var]int) (int, bool) {
	if v == nil || len(params) == 0 {
		return 0, false
	}
	for _, sc := range ev.switchCases() {
		if sc.implied == v {
			i, ok := params[sc.subject]
			// Changed in its case (v = x, v["k"] = x), it is no longer
			// the caller's document as it was given.
			return i, ok && i >= 0 && !ev.assignedAfter(v, sc.clause.Pos(), "")
		}
	}
	return 0, false
}

// valuePositions returns where a value of a variable was started and
// extended, to find the case it was built in.
func valuePositions(val flow.Value) []token.Pos {
	var ps []token.Pos
	if val.Opaque {
		return append(ps, val.At)
	}
	if val.Init != nil {
		ps = append(ps, val.Init.Pos())
	}
	for _, s := range val.Steps {
		switch {
		case s.Apply != nil:
			ps = append(ps, s.Apply.Pos())
		case s.From != nil:
			ps = append(ps, s.From.Pos())
		case s.Key != nil:
			ps = append(ps, s.Key.Pos())
		case len(s.Elems) > 0:
			ps = append(ps, s.Elems[0].Pos())
		}
	}
	return ps
}

// caseLive reports whether a call with args can take the case tc: its
// argument's type is a named type that the case lists, or an open case
// that no earlier case surely takes. An argument whose type is not known
// this way takes any case.
func (ev *evaluator) caseLive(tc *typeCase, args []ast.Expr) bool {
	if tc == nil || tc.Param < 0 || tc.Param >= len(args) {
		return true
	}
	t := typeOf(ev.info, args[tc.Param])
	if t == nil || types.IsInterface(t) {
		return true
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return true
	}
	name := qualifiedName(n)
	if slices.Contains(tc.Types, name) {
		return true
	}
	return tc.Open && !slices.Contains(tc.Sure, name)
}
