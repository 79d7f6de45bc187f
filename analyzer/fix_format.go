package analyzer

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/token"
	"slices"
	"sort"

	"github.com/mongocas/mongocas-lint/internal/textdiff"
	"golang.org/x/tools/go/analysis"
)

// gofmt lines up, in one column, the comments that end consecutive lines,
// and the values of the key-value pairs of a literal on consecutive lines.
// A fix that changes the length of such a line, or puts new lines between
// two of them, moves that column, and the file it leaves is no longer
// gofmt-clean. The rules write their edits without regard to it; the
// aligner then adds to each fix next to such comments, and to each fix
// that inserts a line holding a key-value pair, the spaces that gofmt
// would change, so that the fix, applied alone as an editor applies
// it, leaves gofmt'd code. It does so only where no other fix edits the
// same text: golangci-lint applies all fixes at once, and two edits of one
// place conflict.

// An aligner realigns the fixes of one package. Each file is read, and
// checked to be gofmt-clean, once, and only when a fix needs it.
type aligner struct {
	pass  *analysis.Pass
	files map[string]*alignedFile
	diags [][]analysis.Diagnostic
	// claimed are the edits of every fix, and the spaces added so far;
	// listed when a fix first needs realigning.
	claimed []span
	listed  bool
}

// A span is the text an edit replaces, [pos, end); fix tells the fix it
// belongs to.
type span struct {
	pos, end token.Pos
	fix      *analysis.SuggestedFix
}

// An alignedFile is read when first needed: most fixes are next to no
// comment, and need no text.
type alignedFile struct {
	read  func() ([]byte, error)
	src   []byte // nil when it cannot be read
	done  bool   // src was read
	clean *bool  // whether src is gofmt-clean; nil until needed
}

func (f *alignedFile) text() []byte {
	if !f.done {
		f.src, _ = f.read()
		f.done = true
	}
	return f.src
}

// newAligner returns the aligner of the fixes of diags.
func newAligner(pass *analysis.Pass, diags [][]analysis.Diagnostic) *aligner {
	return &aligner{pass: pass, files: make(map[string]*alignedFile), diags: diags}
}

// claims returns the edits of every fix, and the spaces added so far.
func (al *aligner) claims() []span {
	if !al.listed {
		al.listed = true
		for _, ds := range al.diags {
			for _, d := range ds {
				for i := range d.SuggestedFixes {
					for _, e := range d.SuggestedFixes[i].TextEdits {
						al.claimed = append(al.claimed, span{e.Pos, max(e.End, e.Pos), &d.SuggestedFixes[i]})
					}
				}
			}
		}
	}
	return al.claimed
}

func (al *aligner) file(name string) *alignedFile {
	f := al.files[name]
	if f == nil {
		f = &alignedFile{read: func() ([]byte, error) { return al.pass.ReadFile(name) }}
		al.files[name] = f
	}
	return f
}

// isClean reports whether the file is gofmt-clean: only then are gofmt's
// changes after a fix all the fix's own.
func (f *alignedFile) isClean() bool {
	if f.clean == nil {
		src := f.text()
		formatted, err := format.Source(src)
		clean := src != nil && err == nil && bytes.Equal(formatted, src)
		f.clean = &clean
	}
	return *f.clean
}

// align realigns the fixes of d in place.
func (al *aligner) align(d analysis.Diagnostic) {
	for i := range d.SuggestedFixes {
		fix := &d.SuggestedFixes[i]
		if edits, ok := al.realign(fix); ok {
			fix.TextEdits = edits
		}
	}
}

// realign returns the edits of fix, with the spaces that gofmt would
// change once they are applied: before trailing comments, or before the
// values of a map laid out on several lines. It answers only for edits of
// one gofmt-clean file next to a line that ends in a comment, or that
// insert a key-value line, and only when gofmt changes nothing but spaces
// within lines.
func (al *aligner) realign(fix *analysis.SuggestedFix) ([]analysis.TextEdit, bool) {
	if len(fix.TextEdits) == 0 {
		return nil, false
	}
	fset := al.pass.Fset
	tf := fset.File(fix.TextEdits[0].Pos)
	file := fileOf(al.pass, fix.TextEdits[0].Pos)
	if tf == nil || file == nil {
		return nil, false
	}
	first, last := tf.LineCount(), 1
	for _, e := range fix.TextEdits {
		if fset.File(e.Pos) != tf || e.End.IsValid() && fset.File(e.End) != tf {
			return nil, false
		}
		first, last = min(first, tf.Line(e.Pos)), max(last, tf.Line(max(e.Pos, e.End)))
	}
	f := al.file(tf.Name())
	if !insertsKeyValueLine(fix) && !endsInComment(tf, file, f.text, first-1, last+1) || !f.isClean() {
		return nil, false
	}
	edits := slices.Clone(fix.TextEdits)
	slices.SortStableFunc(edits, func(a, b analysis.TextEdit) int { return int(a.Pos - b.Pos) })
	resolved := make([]textdiff.Edit, len(edits))
	for i, e := range edits {
		_, resolved[i] = textdiff.FromAnalysis(fset, e)
	}
	fixed, err := textdiff.Apply(f.text(), resolved)
	if err != nil {
		return nil, false
	}
	formatted, err := format.Source(fixed)
	if err != nil || bytes.Equal(formatted, fixed) {
		return nil, false
	}
	changes, ok := lineChanges(fixed, formatted)
	if !ok {
		return nil, false
	}
	// Each change falls in text the fix left as it was, and becomes an edit
	// of its own, or in text the fix inserts, and changes that text.
	// Changes are taken from the last, so that the offsets into an edit's
	// text stay valid.
	var added []analysis.TextEdit
	for _, ch := range slices.Backward(changes) {
		at, inEdit, ok := locate(resolved, ch.start, ch.end)
		switch {
		case !ok:
			return nil, false
		case inEdit >= 0:
			text := edits[inEdit].NewText
			edits[inEdit].NewText = slices.Concat(text[:at], []byte(ch.text), text[at+ch.end-ch.start:])
		default:
			e := analysis.TextEdit{Pos: tf.Pos(at), End: tf.Pos(at + ch.end - ch.start), NewText: []byte(ch.text)}
			if al.overlapsOthers(e, fix) {
				return nil, false
			}
			added = append(added, e)
		}
	}
	for _, e := range added {
		al.claimed = append(al.claims(), span{e.Pos, e.End, fix})
	}
	return append(edits, added...), true
}

// locate maps [start, end) of the text that edits (sorted) give back to
// the text they were applied to: at is an offset of that text, or, when
// inEdit >= 0, of the new text of edits[inEdit]. ok is false when the
// range spans edited and unedited text.
func locate(edits []textdiff.Edit, start, end int) (at, inEdit int, ok bool) {
	fixedAt, srcAt := 0, 0 // the start of the unedited text before edits[i], in each text
	for i, e := range edits {
		unedited := e.Start - srcAt
		if end <= fixedAt+unedited {
			return srcAt + start - fixedAt, -1, true
		}
		if start < fixedAt+unedited {
			return 0, 0, false
		}
		fixedAt += unedited
		if end <= fixedAt+len(e.Text) {
			return start - fixedAt, i, true
		}
		if start < fixedAt+len(e.Text) {
			return 0, 0, false
		}
		fixedAt += len(e.Text)
		srcAt = e.End
	}
	return srcAt + start - fixedAt, -1, true
}

// overlapsOthers reports whether e touches the text of an edit of another
// fix, or inserts where another edit begins.
func (al *aligner) overlapsOthers(e analysis.TextEdit, fix *analysis.SuggestedFix) bool {
	// Positions of one file set compare as offsets do.
	edit := textdiff.Edit{Start: int(e.Pos), End: int(e.End)}
	for _, s := range al.claims() {
		if s.fix != fix && textdiff.Overlaps(textdiff.Edit{Start: int(s.pos), End: int(s.end)}, edit) {
			return true
		}
	}
	return false
}

// insertsKeyValueLine reports whether fix inserts a line that may hold a
// key-value pair ("qty": x), whose value gofmt aligns with those of the
// lines around it. Most fixes insert none, and need no formatting.
func insertsKeyValueLine(fix *analysis.SuggestedFix) bool {
	for _, e := range fix.TextEdits {
		if bytes.Contains(e.NewText, []byte("\n")) && bytes.Contains(e.NewText, []byte(": ")) {
			return true
		}
	}
	return false
}

// endsInComment reports whether one of the lines from first to last of
// the file ends in a comment that follows code on its line. src, which
// returns the file's text (nil when it cannot be read), is called only
// when a comment is on one of those lines.
func endsInComment(tf *token.File, file *ast.File, src func() []byte, first, last int) bool {
	first, last = max(first, 1), min(last, tf.LineCount())
	if first > last {
		return false
	}
	from := tf.LineStart(first)
	groups := file.Comments
	i := sort.Search(len(groups), func(i int) bool { return groups[i].End() >= from })
	for ; i < len(groups) && tf.Line(groups[i].Pos()) <= last; i++ {
		for _, com := range groups[i].List {
			line := tf.Line(com.Pos())
			if line < first || line > last {
				continue
			}
			text := src()
			if text == nil {
				return false
			}
			before := text[tf.Offset(tf.LineStart(line)):tf.Offset(com.Pos())]
			if len(bytes.TrimLeft(before, " \t")) > 0 {
				return true
			}
		}
	}
	return false
}

// A lineChange replaces [start, end) of a text by text, within one line.
type lineChange struct {
	start, end int
	text       string
}

// lineChanges returns the changes within lines that turn a into b, in
// order, when b has the lines of a, each changed in spaces only.
func lineChanges(a, b []byte) ([]lineChange, bool) {
	aLines, bLines := textdiff.Split(string(a)), textdiff.Split(string(b))
	if len(aLines) != len(bLines) {
		return nil, false
	}
	var changes []lineChange
	offset := 0
	for i, x := range aLines {
		y := bLines[i]
		if x != y {
			if string(bytes.Join(bytes.Fields([]byte(x)), nil)) != string(bytes.Join(bytes.Fields([]byte(y)), nil)) {
				return nil, false
			}
			p := 0
			for p < len(x) && p < len(y) && x[p] == y[p] {
				p++
			}
			s := 0
			for s < len(x)-p && s < len(y)-p && x[len(x)-1-s] == y[len(y)-1-s] {
				s++
			}
			changes = append(changes, lineChange{offset + p, offset + len(x) - s, y[p : len(y)-s]})
		}
		offset += len(x)
	}
	return changes, true
}
