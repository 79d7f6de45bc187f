package load

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"runtime"
	"sync"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// A loader parses and type-checks packages listed by go/packages, as
// go/packages does for an analyzer without facts: a package comes from
// source when it is analyzed, when it has no export data (it does not
// build), or when it imports a package that comes from source; any other
// import is read from export data.
type loader struct {
	fset     *token.FileSet
	sizes    types.Sizes
	analyzed map[*packages.Package]bool
	source   map[*packages.Package]chan struct{} // closed once its types are complete
	cpu      chan struct{}                       // a token per core, for parsing and type-checking

	parsedMu sync.Mutex
	parsed   map[string]*parsedFile // by file name

	exportMu  sync.Mutex // export data may fill in any package of the graph
	exportErr map[*packages.Package]error
}

// typeCheck loads the types, and for source packages the syntax, of the
// packages of the graph under roots that analyzing them needs.
func typeCheck(roots []*packages.Package, analyzed map[*packages.Package]bool) {
	l := &loader{
		fset:      token.NewFileSet(),
		sizes:     roots[0].TypesSizes,
		analyzed:  analyzed,
		source:    make(map[*packages.Package]chan struct{}),
		cpu:       make(chan struct{}, runtime.GOMAXPROCS(0)),
		parsed:    make(map[string]*parsedFile),
		exportErr: make(map[*packages.Package]error),
	}
	// Every package gets its types.Package first, so that reading export
	// data fills in the packages of the graph and never makes new ones.
	var fromSource []*packages.Package
	packages.Visit(roots, nil, func(p *packages.Package) {
		if p.PkgPath == "unsafe" {
			p.Types = types.Unsafe
			if analyzed[p] { // named: it has no syntax, but the checker wants the rest
				p.Fset, p.TypesSizes, p.Syntax, p.TypesInfo = l.fset, l.sizes, []*ast.File{}, newTypesInfo()
			}
			return
		}
		p.Types = types.NewPackage(p.PkgPath, p.Name)
		needsSource := analyzed[p] || p.ExportFile == ""
		for _, imp := range p.Imports {
			if l.source[imp] != nil {
				needsSource = true
			}
		}
		if needsSource {
			l.source[p] = make(chan struct{})
			fromSource = append(fromSource, p)
		}
	})
	var wg sync.WaitGroup
	for _, p := range fromSource {
		wg.Go(func() { l.check(p) })
	}
	wg.Wait()
}

// check parses p, waits for its imports, and type-checks it.
func (l *loader) check(p *packages.Package) {
	defer close(l.source[p])
	p.Fset = l.fset
	p.TypesSizes = l.sizes
	files, parseErrs := l.parse(p.CompiledGoFiles)
	p.Syntax = files
	for _, err := range parseErrs {
		addError(p, err)
	}
	for _, imp := range p.Imports {
		if done := l.source[imp]; done != nil {
			<-done
		} else if imp.PkgPath != "unsafe" {
			l.fromExportData(imp)
		}
	}
	p.TypesInfo = newTypesInfo()
	conf := &types.Config{
		Importer:         importerFunc(func(path string) (*types.Package, error) { return l.imported(p, path) }),
		IgnoreFuncBodies: !l.analyzed[p],
		Error:            func(err error) { addError(p, err) },
		Sizes:            l.sizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		conf.GoVersion = "go" + p.Module.GoVersion
	}
	l.cpu <- struct{}{}
	_ = types.NewChecker(conf, l.fset, p.Types, p.TypesInfo).Files(files) // each error went to conf.Error
	<-l.cpu

	if l.analyzed[p] { // its bodies checked too: see dependencyErrors for the others
		p.Errors = withoutCompilerOutput(p)
	}
	p.IllTyped = len(p.Errors) > 0
	for _, imp := range p.Imports {
		p.IllTyped = p.IllTyped || imp.IllTyped
	}
}

// newTypesInfo returns the type information that analyzers expect.
func newTypesInfo() *types.Info {
	return &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
}

// imported returns the package that p imports as path.
func (l *loader) imported(p *packages.Package, path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	imp := p.Imports[path]
	if imp == nil {
		return nil, fmt.Errorf("no metadata for %s", path)
	}
	if l.source[imp] == nil {
		l.exportMu.Lock()
		defer l.exportMu.Unlock()
		if err := l.exportErr[imp]; err != nil {
			return nil, err
		}
	}
	return imp.Types, nil
}

// fromExportData fills in the types of p from its export data, once. An
// error is the importer's to report: its type checker reports the import
// that failed (see imported).
func (l *loader) fromExportData(p *packages.Package) {
	l.exportMu.Lock()
	defer l.exportMu.Unlock()
	if _, tried := l.exportErr[p]; tried || p.Types.Complete() {
		return
	}
	err := l.readExportData(p)
	if err != nil {
		p.IllTyped = true
	}
	l.exportErr[p] = err
}

// readExportData reads the export data of p. The reader looks packages up
// by path, so it is given those of p's own graph: p and everything it
// imports, directly or not.
func (l *loader) readExportData(p *packages.Package) error {
	if p.ExportFile == "" {
		return errors.New("no export data file")
	}
	f, err := os.Open(p.ExportFile)
	if err != nil {
		return err
	}
	defer func() { _ = f.Close() }() // read only: nothing to lose
	r, err := gcexportdata.NewReader(f)
	if err != nil {
		return fmt.Errorf("reading %s: %w", p.ExportFile, err)
	}
	view := make(map[string]*types.Package)
	var add func(*packages.Package)
	add = func(q *packages.Package) {
		if _, ok := view[q.PkgPath]; !ok {
			view[q.PkgPath] = q.Types
			for _, imp := range q.Imports {
				add(imp)
			}
		}
	}
	add(p)
	tpkg, err := gcexportdata.Read(r, l.fset, view, p.PkgPath)
	if err != nil {
		return fmt.Errorf("reading %s: %w", p.ExportFile, err)
	}
	if tpkg != p.Types {
		return fmt.Errorf("reading %s: the export data names another package", p.ExportFile)
	}
	return nil
}

// parse parses files in parallel, keeping their order, and returns the
// files parsed and the errors. A file is parsed once, though a package and
// its test variant both list it.
func (l *loader) parse(filenames []string) ([]*ast.File, []error) {
	parsed := make([]*parsedFile, len(filenames))
	for i, name := range filenames {
		l.parsedMu.Lock()
		f, ok := l.parsed[name]
		if !ok {
			f = &parsedFile{ready: make(chan struct{})}
			l.parsed[name] = f
		}
		l.parsedMu.Unlock()
		parsed[i] = f
		if !ok {
			go l.parseFile(name, f)
		}
	}
	files := []*ast.File{} // none, not nil, for a package without Go files
	var errs []error
	for _, f := range parsed {
		<-f.ready // parsed here, or for another package
		if f.file != nil {
			files = append(files, f.file)
		}
		if f.err != nil {
			errs = append(errs, f.err)
		}
	}
	return files, errs
}

// A parsedFile is a file parsed, or being parsed.
type parsedFile struct {
	ready chan struct{} // closed once parsed
	file  *ast.File
	err   error
}

func (l *loader) parseFile(name string, f *parsedFile) {
	defer close(f.ready)
	l.cpu <- struct{}{}
	defer func() { <-l.cpu }()
	src, err := os.ReadFile(name)
	if err != nil {
		f.err = err
		return
	}
	// Parsed as go/packages does, with objects resolved.
	f.file, f.err = parser.ParseFile(l.fset, name, src, parser.AllErrors|parser.ParseComments)
}

// addError records err on p in the form go/packages gives it.
func addError(p *packages.Package, err error) {
	var list scanner.ErrorList
	var typeErr types.Error
	var pathErr *os.PathError
	switch {
	case errors.As(err, &typeErr):
		p.TypeErrors = append(p.TypeErrors, typeErr)
		p.Errors = append(p.Errors, packages.Error{Pos: typeErr.Fset.Position(typeErr.Pos).String(), Msg: typeErr.Msg, Kind: packages.TypeError})
	case errors.As(err, &list):
		for _, e := range list {
			p.Errors = append(p.Errors, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
		}
	case errors.As(err, &pathErr):
		p.Errors = append(p.Errors, packages.Error{Pos: pathErr.Path + ":1", Msg: pathErr.Err.Error(), Kind: packages.ParseError})
	default:
		p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
	}
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
