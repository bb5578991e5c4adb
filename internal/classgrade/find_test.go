package classgrade

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/drill-dev/drill/internal/bank"
	"github.com/drill-dev/drill/internal/safefs"
)

// layout makes files under a temporary folder: "path" is a file with the
// given text, "path/" a folder, "path -> target" a link.
func layout(t *testing.T, entries map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for p, data := range entries {
		full := filepath.Join(root, filepath.FromSlash(strings.TrimSuffix(p, "/")))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		var err error
		switch {
		case strings.HasSuffix(p, "/"):
			err = os.MkdirAll(full, 0o755)
		case strings.HasPrefix(data, "-> "):
			err = os.Symlink(strings.TrimPrefix(data, "-> "), full)
		default:
			err = os.WriteFile(full, []byte(data), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestFind(t *testing.T) {
	ex := &bank.Exercise{ID: "basics/hello", Files: []string{"hello.py"}}
	mac := string(makeZip(t, entry{name: "ann/hello.py", data: "A"}, entry{name: "__MACOSX/ann/._hello.py", data: "x"}))
	tests := []struct {
		name    string
		files   map[string]string
		args    []string
		subs    []string // name: problem, or name=hello.py's text
		skipped []string // name: reason
	}{
		{"a learner's folder", map[string]string{"ann/hello.py": "A", "ann/notes/": ""}, []string{"ann"},
			[]string{"ann=A"}, nil},
		{"a class folder", map[string]string{"c/ann/hello.py": "A", "c/bob/hello.py": "B", "c/.git/": "", "c/roster.txt": "ann"}, []string{"c"},
			[]string{"c/ann=A", "c/bob=B"}, []string{"c/.git: hidden", "c/roster.txt: not a submission"}},
		{"a stray file beside learners' folders", map[string]string{"c/ann/hello.py": "A", "c/bob/hello.py": "B", "c/hello.py": "stray"}, []string{"c"},
			[]string{"c/ann=A", "c/bob=B"}, []string{"c/hello.py: not a submission"}},
		{"a nested single folder", map[string]string{"c/ann/hw1/hello.py": "A", "c/bob/hello.py": "B"}, []string{"c"},
			[]string{"c/ann=A", "c/bob=B"}, nil},
		{"Gradescope's upload from a Mac", map[string]string{"submission/hw/hello.py": "A", "submission/__MACOSX/hw/._hello.py": "x"}, []string{"submission"},
			[]string{"submission/hw=A"}, []string{"submission/__MACOSX: Finder"}},
		{"a linked learner folder", map[string]string{"store/ann/hello.py": "A", "c/ann": "-> ../store/ann", "c/bob/hello.py": "B"}, []string{"c"},
			[]string{"c/ann: a symbolic link, which drill does not follow (to ../store/ann)", "c/bob=B"}, nil},
		{"learners' archives", map[string]string{"c/ann.zip": mac, "c/bob/hello.py": "B"}, []string{"c"},
			[]string{"c/ann.zip=A", "c/bob=B"}, nil},
		{"a class archive", map[string]string{"c.zip": string(makeZip(t, entry{name: "c/ann/hello.py", data: "A"}, entry{name: "c/bob.zip", data: mac}))}, []string{"c.zip"},
			[]string{"c.zip/c/ann=A", "c.zip/c/bob.zip=A"}, nil},
		{"a class archive: one learner's hostile entries refuse that learner only", map[string]string{"c.zip": string(makeZip(t,
			entry{name: "c/ann/hello.py", data: "A"}, entry{name: "c/bob/hello.py", data: "B"}, entry{name: "c/bob/../../../x", data: "x"},
			entry{name: "c/cat/hello.py", link: "/etc/passwd"}, entry{name: "c/dan/hello.py", link: "/etc/passwd"}, entry{name: "c/dan/x.py", data: "x"}))},
			[]string{"c.zip"},
			[]string{"c.zip/c/ann=A", "c.zip/c/bob: archive refused: c/bob/../../../x goes up", "c.zip/c/dan: archive refused: c/dan/hello.py is a symbolic link",
				"c.zip/c/cat: archive refused: c/cat/hello.py is a symbolic link"}, nil},
		{"a learner's archive", map[string]string{"ann.zip": mac}, []string{"ann.zip"}, []string{"ann.zip/ann=A"}, []string{"ann.zip/__MACOSX: Finder"}},
		{"files, none the exercise's", map[string]string{"ann/greeting.py": "A"}, []string{"ann"},
			[]string{"ann: hello.py is missing from the submission"}, nil},
		{"an empty folder", map[string]string{"ann/": ""}, []string{"ann"}, []string{"ann: the submission directory is empty"}, nil},
		{"nothing there", nil, []string{"nobody"}, []string{"nobody: no such file or folder"}, nil},
		{"a file that is no archive", map[string]string{"hello.py": "A"}, []string{"hello.py"}, []string{"hello.py: not a folder or an archive"}, nil},
		{"a hostile archive", map[string]string{"ann.zip": string(makeZip(t, entry{name: "../../x", data: "x"}))}, []string{"ann.zip"},
			[]string{"ann.zip: archive refused: ../../x goes up with .."}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := layout(t, tt.files)
			t.Chdir(root)
			subs, skipped := Find(tt.args, ex, DefaultLimits)
			var got []string
			for _, s := range subs {
				got = append(got, describe(t, s, ex))
			}
			checkPrefixes(t, "submissions", got, tt.subs)
			var gotSkips []string
			for _, s := range skipped {
				gotSkips = append(gotSkips, s.Name+": "+s.Reason)
			}
			checkPrefixes(t, "skipped", gotSkips, tt.skipped)
		})
	}
}

// describe is a submission as TestFind states it: its name, then its
// problem or hello.py's text.
func describe(t *testing.T, s Submission, ex *bank.Exercise) string {
	if s.Problem != "" {
		return s.Name + ": " + s.Problem
	}
	fsys, done, err := s.Open()
	if err != nil {
		return s.Name + ": " + refusal(err)
	}
	defer done()
	if empty, _ := isEmpty(fsys); empty {
		return s.Name + ": the submission directory is empty"
	}
	files, r := ReadFiles(fsys, ex)
	if r != nil {
		return s.Name + ": " + r.Message
	}
	return s.Name + "=" + string(files["hello.py"])
}

func checkPrefixes(t *testing.T, what string, got, want []string) {
	t.Helper()
	ok := len(got) == len(want)
	for i := 0; ok && i < len(got); i++ {
		ok = strings.HasPrefix(got[i], want[i])
	}
	if !ok {
		t.Errorf("%s:\n  %s\nwant:\n  %s", what, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// ReadFiles is learnerfiles.Read's guards, as a Result.
func TestReadFilesNeverThroughALink(t *testing.T) {
	ex := &bank.Exercise{ID: "web/app", Files: []string{"app/views.py"}}
	tests := []struct {
		name  string
		files map[string]string
		want  string // the refusal's message, "" for read
	}{
		{"a file", map[string]string{"s/app/views.py": "V"}, ""},
		{"a linked file", map[string]string{"s/app/views.py": "-> /etc/passwd"}, "app/views.py is not a regular file (a symbolic link, which drill does not follow)"},
		{"a linked folder", map[string]string{"other/views.py": "V", "s/app": "-> ../other"}, "app/views.py: app is not a directory (a symbolic link, which drill does not follow)"},
		{"a folder for the file", map[string]string{"s/app/views.py/": ""}, "app/views.py is not a regular file (a directory)"},
		{"a FIFO is never opened", map[string]string{"s/app/": ""}, "app/views.py is not a regular file (a FIFO)"},
		{"too large, never read", map[string]string{"s/app/views.py": strings.Repeat("x", 1<<20+1)}, "app/views.py is 1.0 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := layout(t, tt.files)
			if strings.Contains(tt.name, "FIFO") {
				if err := mkfifo(filepath.Join(root, "s/app/views.py")); err != nil {
					t.Skip("no FIFO here:", err)
				}
			}
			src, err := safefs.Open(filepath.Join(root, "s"))
			if err != nil {
				t.Fatal(err)
			}
			defer src.Close()
			files, refused := ReadFiles(src, ex)
			switch {
			case tt.want == "" && refused != nil:
				t.Errorf("refused: %s", refused.Message)
			case tt.want == "" && string(files["app/views.py"]) != "V":
				t.Errorf("read %q", files["app/views.py"])
			case tt.want != "" && (refused == nil || !strings.Contains(refused.Message, tt.want)):
				t.Errorf("got %v, want refused with %q", refused, tt.want)
			}
		})
	}
}

// A learner's archive in a class folder is read when it is graded, which
// in a large class is minutes after Find saw it: by then it, or the folder
// around it, may have been replaced (a synced or shared class folder).
// It is read beneath the class folder all the same: a link is refused, not
// followed, and a FIFO is refused without blocking.
func TestArchiveInAClassReadBeneathIt(t *testing.T) {
	ex := &bank.Exercise{ID: "basics/hello", Files: []string{"hello.py"}}
	own := string(makeZip(t, entry{name: "hello.py", data: "D"}))
	other := string(makeZip(t, entry{name: "hello.py", data: "SECRET"}))
	tests := []struct {
		name    string
		dir     string                             // the learners' folder, under the root
		replace func(t *testing.T, root, p string) // done to the archive p after Find
		want    error
	}{
		{"unchanged", "class", func(*testing.T, string, string) {}, nil},
		{"the archive replaced by a link", "class", func(t *testing.T, root, p string) {
			must(t, os.Remove(p))
			must(t, os.Symlink(filepath.Join(root, "outside/other.zip"), p))
		}, safefs.ErrLink},
		// A class folder wrapped in another: the archive is wrap/dan.zip.
		{"its folder replaced by a link", "class/wrap", func(t *testing.T, root, p string) {
			must(t, os.RemoveAll(filepath.Dir(p)))
			must(t, os.Symlink(filepath.Join(root, "outside"), filepath.Dir(p)))
			must(t, os.Rename(filepath.Join(root, "outside/other.zip"), filepath.Join(root, "outside/dan.zip")))
		}, safefs.ErrLink},
		{"the archive replaced by a FIFO", "class", func(t *testing.T, root, p string) {
			must(t, os.Remove(p))
			if err := mkfifo(p); err != nil {
				t.Skip("no FIFO here:", err)
			}
		}, safefs.ErrNotRegular},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := layout(t, map[string]string{tt.dir + "/ann/hello.py": "A", tt.dir + "/dan.zip": own, "outside/other.zip": other})
			subs, _ := Find([]string{filepath.Join(root, "class")}, ex, DefaultLimits)
			var dan *Submission
			for i := range subs {
				if strings.HasSuffix(subs[i].Name, "dan.zip") {
					dan = &subs[i]
				}
			}
			if dan == nil {
				t.Fatalf("no submission for dan.zip in %v", subs)
			}
			tt.replace(t, root, filepath.Join(root, filepath.FromSlash(tt.dir), "dan.zip"))
			type opened struct {
				data []byte
				err  error
			}
			done := make(chan opened, 1)
			go func() {
				fsys, closeFS, err := dan.Open()
				if err != nil {
					done <- opened{nil, err}
					return
				}
				defer closeFS()
				data, err := fs.ReadFile(fsys, "hello.py")
				done <- opened{data, err}
			}()
			var got opened
			select {
			case got = <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("opening the archive blocked")
			}
			switch {
			case tt.want == nil && (got.err != nil || string(got.data) != "D"):
				t.Errorf("read %q, %v; want the learner's own file", got.data, got.err)
			case tt.want != nil && !errors.Is(got.err, tt.want):
				t.Errorf("read %q, %v; want an error matching %q", got.data, got.err, tt.want)
			}
		})
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
