package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
)

// Converters. Services keep a domain type and a storage model, and map
// one to the other in a function of one return (FromEntity(e) returns
// &DeviceModel{ID: e.ID, UserID: e.UserID, ...}). A write that replaces
// or $sets the model under a filter on the entity's field (user_id:
// e.UserID) writes that field back as it was: no guard. The converter's
// fact says which field of the result copies which field of its
// parameter.

// converterFact is the fact of a function whose one return is a struct
// literal (or its address) whose fields copy fields of its parameter
// number Param (-1: the receiver). Copies are sorted by field, so that the
// fact's encoding is deterministic (a map's is not).
type converterFact struct {
	Param  int
	Copies []fieldCopy
}

// A fieldCopy is a field To of a converter's result that holds the field
// From of its parameter.
type fieldCopy struct{ To, From string }

// from returns the field of the parameter that the result's field to
// copies.
func (f *converterFact) from(to string) (string, bool) {
	i, ok := slices.BinarySearchFunc(f.Copies, to, func(c fieldCopy, to string) int { return strings.Compare(c.To, to) })
	if !ok {
		return "", false
	}
	return f.Copies[i].From, true
}

func (*converterFact) AFact() {}

func (f *converterFact) String() string {
	var fields []string
	for _, c := range f.Copies {
		fields = append(fields, c.To+": $"+fmt.Sprint(f.Param)+"."+c.From)
	}
	return "converter {" + strings.Join(fields, ", ") + "}"
}

// converter returns the fact of fn when it is a converter.
func (s *summaries) converter(fn *types.Func) *converterFact {
	return summaryOf(s, s.converters, fn, s.summarizeConverter)
}

func (s *summaries) summarizeConverter(fn *types.Func, cur inspector.Cursor) *converterFact {
	sig := fn.Signature()
	if sig.Results().Len() == 0 || sig.TypeParams().Len() > 0 || sig.RecvTypeParams().Len() > 0 {
		return nil
	}
	if _, ok := derefStruct(sig.Results().At(0).Type()); !ok {
		return nil
	}
	info := s.c.pass.TypesInfo
	var ret *ast.ReturnStmt
	for c := range cur.Preorder((*ast.ReturnStmt)(nil), (*ast.FuncLit)(nil)) {
		r, ok := c.Node().(*ast.ReturnStmt)
		if !ok || ret != nil {
			return nil // a closure, or two returns
		}
		ret = r
	}
	if ret == nil || len(ret.Results) == 0 {
		return nil
	}
	lit, ok := ast.Unparen(ret.Results[0]).(*ast.CompositeLit)
	if u, isAddr := ast.Unparen(ret.Results[0]).(*ast.UnaryExpr); isAddr && u.Op == token.AND {
		lit, ok = ast.Unparen(u.X).(*ast.CompositeLit)
	}
	if !ok {
		return nil
	}
	// params holds the receiver first, if any: index i is Param i-off.
	params, off := paramVars(sig), 0
	if recv := sig.Recv(); recv != nil {
		params, off = append([]*types.Var{recv}, params...), 1
	}
	f := &converterFact{Param: -2}
	from := make(map[string]string)
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return nil
		}
		key, ok := kv.Key.(*ast.Ident)
		sel, isSel := ast.Unparen(kv.Value).(*ast.SelectorExpr)
		if !ok || !isSel {
			continue
		}
		x, ok := ast.Unparen(sel.X).(*ast.Ident)
		if selection := info.Selections[sel]; !ok || selection == nil || selection.Kind() != types.FieldVal {
			continue
		}
		v, _ := info.Uses[x].(*types.Var)
		i := slices.Index(params, v)
		if v == nil || i < 0 || f.Param != -2 && f.Param != i-off {
			continue // not a field of a parameter, or of another one
		}
		f.Param = i - off
		from[key.Name] = sel.Sel.Name
	}
	for _, to := range slices.Sorted(maps.Keys(from)) {
		f.Copies = append(f.Copies, fieldCopy{to, from[to]})
	}
	if len(f.Copies) == 0 || assignsParam(info, cur, params[f.Param+off]) {
		return nil
	}
	return f
}

// assignsParam reports whether the function at cur assigns p, a field of
// it, or takes its address: the fields copied may then differ from the
// caller's.
func assignsParam(info *types.Info, cur inspector.Cursor, p *types.Var) bool {
	for n := range cur.Preorder((*ast.AssignStmt)(nil), (*ast.IncDecStmt)(nil), (*ast.UnaryExpr)(nil)) {
		for _, t := range writeTargets(n.Node()) {
			if id, ok := rootIdent(t); ok && info.Uses[id] == p {
				return true
			}
		}
	}
	return false
}

// matchedByConverter reports whether set writes a field of a struct that a
// converter made from the value whose field the filter matched: {user_id:
// e.UserID} with FromEntity(e) (or m := FromEntity(e) whose UserID is not
// assigned since) written whole.
func (ev *evaluator) matchedByConverter(matched ast.Expr, set entry) bool {
	sel, ok := ast.Unparen(matched).(*ast.SelectorExpr)
	if !ok || ev.sums == nil {
		return false
	}
	made := ast.Unparen(set.field.of)
	if st, ok := made.(*ast.StarExpr); ok {
		made = ast.Unparen(st.X)
	}
	if id, ok := made.(*ast.Ident); ok && ev.flow != nil {
		v, ok := ev.info.Uses[id].(*types.Var)
		b, bound := ev.flow.BindingAt(id)
		if !ok || !bound || b == nil || ev.assignedAfter(v, b.End(), set.field.name) {
			return false
		}
		made = ast.Unparen(b)
	}
	call, ok := made.(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := calleeFunc(ev.info, call)
	if fn == nil {
		return false
	}
	f := ev.sums.converter(fn)
	if f == nil {
		return false
	}
	if src, ok := f.from(set.field.name); !ok || src != sel.Sel.Name {
		return false
	}
	var arg ast.Expr
	switch {
	case f.Param >= 0 && f.Param < len(call.Args):
		arg = call.Args[f.Param]
	case f.Param == -1:
		if fs, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			arg = fs.X
		}
	}
	return arg != nil && ev.sameFieldExpr(sel.X, arg, sel.Sel.Name)
}
