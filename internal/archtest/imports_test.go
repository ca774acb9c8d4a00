package archtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"go/parser"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/raftlab/raftlab"

// rule is what a package's code may import of RaftLab: with only set,
// nothing but the packages in allowed; else anything but the packages in
// forbidden and the packages below them.
type rule struct {
	only      bool
	allowed   []string
	forbidden []string
}

// rules are RaftLab's import rules, by package (relative to the module).
// The packages not named here are the programs cmd/raftlab and wasm, which
// may import the rest (nothing can import a program). ui reaches the
// playground and the lessons only through their views, which the programs
// wire in (internal/lab): raft is none of its dependencies.
var rules = map[string]rule{
	"raft":                {only: true, allowed: []string{"internal/splitmix"}},
	"internal/splitmix":   {only: true},
	"internal/sha256":     {only: true},
	"internal/archtest":   {only: true},
	"internal/zipdir":     {only: true},
	"internal/palette":    {only: true, allowed: []string{"playground/view", "playground/i18n"}},
	"playground/i18n":     {only: true},
	"playground/view":     {only: true, allowed: []string{"playground/i18n"}},
	"assets/fonts":        {only: true},
	"playground":          {forbidden: []string{"lessons", "ui", "cmd", "wasm"}},
	"playground/etcdraft": {only: true, allowed: []string{"playground", "playground/view", "playground/i18n", "raft", "internal/splitmix"}},
	"lessons":             {forbidden: []string{"ui", "cmd", "wasm"}},
	"lessons/doc":         {only: true, allowed: []string{"playground/view", "playground/i18n", "internal/sha256"}},
	"ui":                  {only: true, allowed: []string{"playground/view", "playground/i18n", "lessons/doc", "internal/palette", "internal/sha256"}},
	"internal/picture":    {only: true, allowed: []string{"playground/view", "playground/i18n", "internal/palette"}},
	"internal/lab":        {forbidden: []string{"ui", "cmd", "wasm"}},
	"cmd/raftsim":         {forbidden: []string{"ui"}},
	"cmd/raftserve":       {only: true},
}

// sentence is how a package's doc comment states r (it may go on after a
// colon, in the place of the full stop).
func (r rule) sentence() string {
	if r.only {
		if len(r.allowed) == 0 {
			return "It imports nothing of RaftLab."
		}
		return "It imports nothing of RaftLab but " + list(r.allowed, "and") + "."
	}
	return "It must not import " + list(r.forbidden, "or") + "."
}

// list writes names as a list: a, b or c.
func list(names []string, and string) string {
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " " + and + " " + names[len(names)-1]
}

// breaks returns the RaftLab packages among deps that r forbids.
func (r rule) breaks(deps []string) []string {
	var bad []string
	for _, d := range deps {
		rel, ok := strings.CutPrefix(d, module+"/")
		if !ok {
			continue
		}
		if r.only && !slices.Contains(r.allowed, rel) ||
			!r.only && slices.ContainsFunc(r.forbidden, func(f string) bool { return rel == f || strings.HasPrefix(rel, f+"/") }) {
			bad = append(bad, rel)
		}
	}
	return bad
}

// listed is what go list says of a package.
type listed struct {
	ImportPath string
	Dir        string
	GoFiles    []string
	Deps       []string
}

// goList lists every package of the module as built for goos/goarch ("":
// this machine's), with its dependencies (not its tests').
func goList(t *testing.T, root, goos, goarch string) []listed {
	t.Helper()
	cmd := exec.Command("go", "list", "-json=ImportPath,Dir,GoFiles,Deps", "./...")
	cmd.Dir = root
	cmd.Env = os.Environ()
	if goos != "" {
		cmd.Env = append(cmd.Env, "GOOS="+goos, "GOARCH="+goarch)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list %s/%s: %v\n%s", goos, goarch, err, stderr.String())
	}
	var pkgs []listed
	for dec := json.NewDecoder(bytes.NewReader(out)); ; {
		var p listed
		if err := dec.Decode(&p); err != nil {
			if !errors.Is(err, io.EOF) {
				t.Fatalf("go list output: %v", err)
			}
			return pkgs
		}
		pkgs = append(pkgs, p)
	}
}

// packageDoc returns the package doc comment of p's files, its whitespace
// collapsed.
func packageDoc(t *testing.T, p listed) string {
	t.Helper()
	var docs []string
	for _, name := range p.GoFiles {
		f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(p.Dir, name), nil, parser.PackageClauseOnly|parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if f.Doc != nil {
			docs = append(docs, f.Doc.Text())
		}
	}
	return strings.Join(strings.Fields(strings.Join(docs, " ")), " ")
}

// platform names a build target ("": this machine).
func platform(goos, goarch string) string {
	if goos == "" {
		return "this machine"
	}
	return goos + "/" + goarch
}

// TestImportRules checks every package, as built for this machine and for
// the browser, against its rule, and that its doc comment states the rule.
func TestImportRules(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, target := range [][2]string{{"", ""}, {"js", "wasm"}} {
		for _, p := range goList(t, root, target[0], target[1]) {
			rel, _ := strings.CutPrefix(p.ImportPath, module+"/")
			r, ok := rules[rel]
			if !seen[rel] {
				seen[rel] = true
				doc := packageDoc(t, p)
				if doc == "" {
					t.Errorf("%s has no package doc comment (it says what the package owns and must not import)", rel)
				} else if ok && !strings.Contains(doc, strings.TrimSuffix(r.sentence(), ".")) {
					t.Errorf("%s: its package doc comment does not say its import rule: %q", rel, r.sentence())
				}
			}
			if bad := r.breaks(p.Deps); ok && len(bad) > 0 {
				t.Errorf("%s imports %s (as built for %s): %s", rel, strings.Join(bad, ", "), platform(target[0], target[1]), r.sentence())
			}
		}
	}
	for rel := range rules {
		if !seen[rel] {
			t.Errorf("the rule for %s names no package of the module", rel)
		}
	}
}
