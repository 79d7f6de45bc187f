package analyzer

import (
	"go/ast"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
)

// Field-name objects. Some services name their keys with a value of the
// model's own type whose string fields hold their bson names, filled once
// by reflection:
//
//	var UserBson = fieldNames[User]()
//	filter := bson.M{UserBson.ID: id, UserBson.Owner.Name: n}
//
// A generic function of no parameters that returns a value of its type
// parameter, and whose body (or a function of its package that it calls)
// both reads bson tags and sets strings by reflection, makes such objects
// (tagReaderFact with Names). A package-level variable that one
// initializes and nothing assigns is one (keyFact with Names), and a
// selector of its string field is that field's key: the bson names along
// the path, joined by dots, where an inline struct adds none. A field
// without a bson name in its tag has the name the driver gives it (its
// lower-cased Go name) when the maker parses tags with the driver's own
// parser (DriverNames); with another parser it is unknown.

// fillsBSONNames returns the fact of fn, declared at cur, when it makes
// field-name objects.
func fillsBSONNames(info *types.Info, fn *types.Func, cur inspector.Cursor, decls map[*types.Func]inspector.Cursor) *tagReaderFact {
	sig := fn.Signature()
	if sig.TypeParams().Len() != 1 || sig.Params().Len() != 0 || sig.Results().Len() != 1 ||
		!types.Identical(sig.Results().At(0).Type(), sig.TypeParams().At(0)) {
		return nil
	}
	var setsString, readsTag, driverParser bool
	seen := map[inspector.Cursor]bool{}
	var visit func(cur inspector.Cursor, depth int)
	visit = func(cur inspector.Cursor, depth int) {
		if seen[cur] || depth > 3 {
			return
		}
		seen[cur] = true
		for n := range cur.Preorder((*ast.CallExpr)(nil)) {
			call := n.Node().(*ast.CallExpr)
			callee := calleeFunc(info, call)
			switch {
			case callee == nil:
			case isTagLookup(info, call):
				readsTag = true
			case isStructTagParse(callee):
				driverParser = true
			case callee.Name() == "SetString" && callee.Pkg() != nil && callee.Pkg().Path() == "reflect":
				setsString = true
			default:
				if d, ok := decls[callee.Origin()]; ok {
					visit(d, depth+1)
				}
			}
		}
	}
	visit(cur, 0)
	if !setsString || !readsTag && !driverParser {
		return nil
	}
	return &tagReaderFact{Names: true, DriverNames: driverParser && !readsTag}
}

// isStructTagParse reports whether fn is the driver's struct tag parser
// (bsoncodec.StructTagParser.ParseStructTags and its implementations).
func isStructTagParse(fn *types.Func) bool {
	return fn.Name() == "ParseStructTags" && fn.Pkg() != nil && IsDriverPath(fn.Pkg().Path())
}

// namesMade returns the fact of the maker of field-name objects that init,
// a package-level variable's initializer, calls, or nil.
func (s *summaries) namesMade(init ast.Expr) *tagReaderFact {
	call, ok := ast.Unparen(init).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return nil
	}
	fn := calleeFunc(s.c.pass.TypesInfo, call)
	if fn == nil {
		return nil
	}
	if f := s.tagReader(fn); f != nil && f.Names {
		return f
	}
	return nil
}

// fieldNameKey reads a selector of a string field of a field-name object
// (UserBson.Owner.Name) as its key ("owner.name").
func (ev *evaluator) fieldNameKey(e ast.Expr) (string, bool) {
	type step struct {
		recv  *types.Struct
		index int
	}
	var path []step // leaf first
	for {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			break
		}
		s, ok := ev.info.Selections[sel]
		if !ok {
			break // pkg.Var
		}
		if s.Kind() != types.FieldVal {
			return "", false
		}
		// A promoted field is a path through the embedded structs.
		var steps []step
		t := s.Recv()
		for _, i := range s.Index() {
			st, ok := types.Unalias(t).Underlying().(*types.Struct)
			if !ok {
				return "", false // through a pointer: the filler sets no field there
			}
			steps = append(steps, step{st, i})
			t = st.Field(i).Type()
		}
		slices.Reverse(steps)
		path = append(path, steps...)
		e = sel.X
	}
	if len(path) == 0 || ev.sums == nil {
		return "", false
	}
	root := packageVar(ev.info, e)
	if root == nil {
		return "", false
	}
	ev.sums.varKey(root) // computes the fact while summaries are being made
	pk := ev.sums.keys
	f := pk.keys[root]
	if f == nil || !f.Names || ev.sums.isWritten(root) {
		return "", false
	}
	var parts []string
	for i := len(path) - 1; i >= 0; i-- {
		st := path[i].recv
		field := st.Field(path[i].index)
		_, isStruct := field.Type().Underlying().(*types.Struct)
		if (i > 0) != isStruct || i == 0 && !isString(field.Type()) {
			return "", false
		}
		tag := reflect.StructTag(st.Tag(path[i].index))
		raw, ok := tag.Lookup("bson")
		if !ok && f.DriverNames {
			// The driver's parser: a tag without a key is the bson tag,
			// and a missing name is the lower-cased Go name.
			raw, ok = "", true
			if !strings.Contains(string(tag), ":") {
				raw = string(tag)
			}
		}
		name, opts, _ := strings.Cut(raw, ",")
		if name == "" && f.DriverNames && !field.Embedded() {
			name = strings.ToLower(field.Name())
		}
		inline := isStruct && strings.Contains(","+opts+",", ",inline,")
		switch {
		case !ok || name == "-":
			return "", false
		case inline:
		case name == "":
			return "", false
		default:
			parts = append(parts, name)
		}
	}
	if len(parts) == 0 {
		return "", false
	}
	return strings.Join(parts, "."), true
}
