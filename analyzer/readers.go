package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// A reader is a function that returns a document it read through the
// driver: a repository's Get(ctx, id) that decodes FindOne's result, or
// a List that fills a slice with Cursor.All. A variable that holds a
// reader's result holds a document read, for the rules that tie a write
// to the read before it (a read-modify-write). Reader summaries are facts,
// so readers of other packages count too.

// readerFact is the fact of a reader function.
type readerFact struct{}

func (*readerFact) AFact() {}

func (*readerFact) String() string { return "reader" }

// reader returns the summary of fn, or nil when fn is not a reader.
func (s *summaries) reader(fn *types.Func) *readerFact {
	return summaryOf(s, s.readers, fn, s.summarizeReader)
}

// summarizeReader summarizes fn, declared at cur, if its first result is a
// struct, a pointer to one or a slice, and every return gives for it nil
// or a variable that a driver Decode or Cursor.All fills in fn (v, &v),
// one of them at least.
func (s *summaries) summarizeReader(fn *types.Func, cur inspector.Cursor) *readerFact {
	sig := fn.Signature()
	if n := sig.Results().Len(); n == 0 || n > 2 || n == 2 && !isErrorType(sig.Results().At(1).Type()) {
		return nil
	}
	switch t := sig.Results().At(0).Type(); kindOf(t) {
	case structDoc, arrayDoc:
		if isTimeLike(t) {
			return nil
		}
	default:
		return nil
	}
	info := s.c.pass.TypesInfo
	var decoded varSet
	var rets []*ast.ReturnStmt
	for n := range cur.Preorder((*ast.CallExpr)(nil), (*ast.ReturnStmt)(nil)) {
		switch n := n.Node().(type) {
		case *ast.CallExpr:
			if v, ok := decodedVar(info, n); ok {
				decoded = append(decoded, v)
			}
		case *ast.ReturnStmt:
			if enclosingFuncOf(cur, n) {
				rets = append(rets, n)
			}
		}
	}
	found := false
	for _, ret := range rets {
		if len(ret.Results) == 0 {
			return nil // named results
		}
		r := ast.Unparen(ret.Results[0])
		if isNil(info, r) {
			continue
		}
		if u, ok := r.(*ast.UnaryExpr); ok && u.Op == token.AND {
			r = ast.Unparen(u.X)
		}
		id, ok := r.(*ast.Ident)
		if !ok {
			return nil
		}
		if v, ok := info.Uses[id].(*types.Var); !ok || !decoded.has(v) {
			return nil
		}
		found = true
	}
	if !found {
		return nil
	}
	return &readerFact{}
}

// enclosingFuncOf reports whether the return statement ret belongs to the
// function at cur itself, not to a closure in it.
func enclosingFuncOf(cur inspector.Cursor, ret *ast.ReturnStmt) bool {
	c, ok := cur.FindNode(ret)
	return ok && enclosingFunc(c).Node() == cur.Node()
}
