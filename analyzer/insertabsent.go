package analyzer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// Rule insert-if-absent (the MongoDB wiki's "Atomic Operations", "Insert if Not Present"). Code looks
// for a document, and inserts one when it finds none:
//
//	err := users.FindOne(ctx, bson.M{"email": e}).Err()
//	if errors.Is(err, mongo.ErrNoDocuments) {
//		users.InsertOne(ctx, User{Email: e})
//	}
//
// Two callers can both find nothing and both insert: a duplicate, or,
// with a unique index, an error that the code does not expect. The documented
// answer is to rely on a unique index and treat the duplicate-key error as
// "already there" (mongo.IsDuplicateKeyError); an upsert with
// $setOnInsert does the test and the insert at once.
//
// There is no fix: whether a unique index exists, and what "already
// there" should do, are the caller's to decide.

var insertIfAbsentRule = &rule{
	name:    RuleInsertIfAbsent,
	summary: "an insert run when a read found nothing, with no duplicate-key handling",
	node:    func(c *checker, cur inspector.Cursor, _ *write) { c.checkInsertIfAbsent(cur) },
}

// checkInsertIfAbsent reports the InsertOne call at cur when it runs only
// after a read of the same collection found nothing, and its error is not
// checked for a duplicate key.
func (c *checker) checkInsertIfAbsent(cur inspector.Cursor) {
	info := c.pass.TypesInfo
	call, ok := cur.Node().(*ast.CallExpr)
	if !ok || calledName(call) != "InsertOne" {
		return
	}
	_, coll, ok := collectionMethod(info, call)
	if !ok || len(call.Args) == 0 {
		return
	}
	ev := c.evaluatorAt(cur)
	if ev.reads == nil {
		return
	}
	var found *read
	conds := c.conditionsAt(cur)
	defer c.recycle(conds)
	for _, h := range conds {
		if h.loose {
			continue
		}
		if r := c.foundNothing(ev, h); r != nil && ev.sameCollection(r.coll, coll) {
			found = r
			break
		}
	}
	if found == nil || c.duplicateChecked(ev, cur) || ev.matchesAll(found.filter) {
		return
	}
	if start, ok := c.transactionStart(cur, call.Args[0]); ok && found.call.Pos() >= start {
		return // the read and the insert are in one transaction
	}
	c.report(RuleInsertIfAbsent, analysis.Diagnostic{
		Pos: call.Pos(),
		End: call.End(),
		Message: fmt.Sprintf("InsertOne runs when %s on the same collection found no document, but two callers can both "+
			"find none and both insert; rely on a unique index and handle the duplicate-key error "+
			"(mongo.IsDuplicateKeyError), or use an upsert with $setOnInsert", found.method),
	})
}

// foundNothing returns the read that the condition h says found no
// document: errors.Is(err, mongo.ErrNoDocuments) or err ==
// mongo.ErrNoDocuments, where err is the error of FindOne's Err or
// Decode; n == 0 (n < 1, n <= 0), where n is CountDocuments' count.
func (c *checker) foundNothing(ev *evaluator, h heldCond) *read {
	info := c.pass.TypesInfo
	switch e := h.expr.(type) {
	case *ast.CallExpr:
		err, ok := isNoDocsCall(info, e)
		if h.neg || !ok {
			return nil
		}
		return c.errorOfRead(ev, err)
	case *ast.BinaryExpr:
		op := e.Op
		if h.neg {
			op = negate(op)
		}
		x, y := e.X, e.Y
		if _, isCount := zeroCount(info, x); isCount || isErrNoDocuments(info, x) {
			x, y, op = y, x, mirror(op)
		}
		k, isCount := zeroCount(info, y)
		switch {
		case op == token.EQL && isErrNoDocuments(info, y):
			return c.errorOfRead(ev, x)
		case isCount && countIsZero(op, k):
			id, ok := ast.Unparen(x).(*ast.Ident)
			if !ok {
				return nil
			}
			call, result, ok := ev.reads.resultAt(id)
			if !ok || result != 0 {
				return nil
			}
			if r := matchRead(info, call); r != nil && r.method == "CountDocuments" {
				return r
			}
		}
	}
	return nil
}

// errorOfRead returns the FindOne whose error e is: the error of Err or
// Decode called on its *SingleResult, directly or through a variable.
func (c *checker) errorOfRead(ev *evaluator, e ast.Expr) *read {
	info := c.pass.TypesInfo
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		id, isID := ast.Unparen(e).(*ast.Ident)
		if !isID {
			return nil
		}
		var result int
		if call, result, ok = ev.reads.resultAt(id); !ok || result != 0 {
			return nil
		}
	}
	fn := calleeFunc(info, call)
	recv, ok := methodOf(fn)
	if !ok || recv.Name() != "SingleResult" || (fn.Name() != "Err" && fn.Name() != "Decode") {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if r := ev.reads.readOf(info, sel.X); r != nil && r.method == "FindOne" {
		return r
	}
	return nil
}

// zeroCount returns the value of e when it is the constant 0 or 1 (a
// count compared with it can say "none").
func zeroCount(info *types.Info, e ast.Expr) (int64, bool) {
	v := exprConstant(info, e)
	if v == nil || v.Kind() != constant.Int {
		return 0, false
	}
	n, exact := constant.Int64Val(v)
	return n, exact && (n == 0 || n == 1)
}

// countIsZero reports whether "count op k" says that the count is zero.
func countIsZero(op token.Token, k int64) bool {
	switch k {
	case 0:
		return op == token.EQL || op == token.LEQ
	case 1:
		return op == token.LSS
	}
	return false
}

// duplicateChecked reports whether the error of the InsertOne at cur is
// looked at for a duplicate key: passed to mongo.IsDuplicateKeyError, or
// to errors.As (a mongo.WriteException and its codes), after the insert.
func (c *checker) duplicateChecked(ev *evaluator, cur inspector.Cursor) bool {
	info := c.pass.TypesInfo
	if cur.ParentEdgeKind() != edge.AssignStmt_Rhs && cur.ParentEdgeKind() != edge.ValueSpec_Values {
		return false
	}
	lhs, _, ok := resultTarget(cur, 1)
	id, isID := lhs.(*ast.Ident)
	if !ok || !isID || isBlank(id) {
		return false
	}
	_, uses, ok := c.boundUses(cur, id)
	if !ok {
		return false
	}
	insert := cur.Node().(*ast.CallExpr)
	for _, u := range uses {
		arg := u
		for arg.ParentEdgeKind() == edge.ParenExpr_X {
			arg = arg.Parent()
		}
		if arg.ParentEdgeKind() != edge.CallExpr_Args || arg.ParentEdgeIndex() != 0 {
			continue
		}
		check := arg.Parent().Node().(*ast.CallExpr)
		if name := calledName(check); check.Pos() < insert.End() || name != "IsDuplicateKeyError" && name != "As" {
			continue
		}
		f := calleeFunc(info, check)
		if f == nil || f.Pkg() == nil {
			continue
		}
		isDup := isMongoPkg(f.Pkg()) && f.Name() == "IsDuplicateKeyError"
		isAs := f.Pkg().Path() == "errors" && f.Name() == "As"
		if !isDup && !isAs {
			continue
		}
		if got, _, ok := ev.reads.resultAt(u.Node().(*ast.Ident)); !ok || got == insert {
			return true // this insert's error, or one the analyzer cannot tell apart
		}
	}
	return false
}

// matchesAll reports whether filter is surely empty: a read of the whole
// collection ("is it empty?") before an insert seeds it, a step that runs
// once, at start-up or under a lock the analyzer cannot see.
func (ev *evaluator) matchesAll(filter ast.Expr) bool {
	if filter == nil {
		return false
	}
	if isNil(ev.info, filter) {
		return true
	}
	d := ev.doc(filter)
	return d != nil && d.complete && len(d.entries) == 0
}
