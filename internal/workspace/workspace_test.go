package workspace

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"github.com/drill-dev/drill/internal/bank"
)

func testBank(t *testing.T) *bank.Bank {
	t.Helper()
	fsys := fstest.MapFS{
		"01-basics/section.toml": {Data: []byte(`title = "Basics"`)},
		"01-basics/01-hello/exercise.toml": {Data: []byte(`format = 1
title = "Hello"
runtime = "python"
difficulty = "easy"
time_limit = "5s"
files = ["hello.py"]
hints = ["a", "b"]`)},
		"01-basics/01-hello/README.md":           {Data: []byte("# Hello")},
		"01-basics/01-hello/starter/hello.py":    {Data: []byte("x = None\n")},
		"01-basics/01-hello/starter/data/in.txt": {Data: []byte("support")},
		"01-basics/01-hello/solution/hello.py":   {Data: []byte("x = 1\n")},
		"01-basics/01-hello/tests/test_hello.py": {Data: []byte("def test_x(): pass\n")},
		"01-basics/01-hello/wrong/two/hello.py":  {Data: []byte("x = 2\n")},
	}
	b, err := bank.Load(fsys, bank.Options{Runtimes: []string{"python"}})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestInitLayoutAndState(t *testing.T) {
	b := testBank(t)
	root := filepath.Join(t.TempDir(), "course")
	ws, err := Init(root, b, "/banks/mine")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"01-basics/01-hello/README.md", "01-basics/01-hello/hello.py", "01-basics/01-hello/data/in.txt"} {
		if _, err := os.Stat(filepath.Join(root, f)); err != nil {
			t.Errorf("missing %s: %v", f, err)
		}
	}
	if _, err := os.Stat(filepath.Join(root, "01-basics/01-hello/tests")); err == nil {
		t.Error("hidden tests were copied into the workspace")
	}
	st, err := ws.LoadState()
	if err != nil || st.Bank != "/banks/mine" || len(st.Exercises) != 0 {
		t.Fatalf("state = %+v, %v", st, err)
	}
	if _, err := ws.MarkDone(context.Background(), "basics/hello", time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	if st, _ := ws.LoadState(); !st.Done("basics/hello") {
		t.Error("MarkDone did not stick")
	}
	// The progress is the learner's own: no one else may read it.
	fi, err := os.Stat(filepath.Join(root, ".drill", "state.json"))
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm()&0o077 != 0 {
		t.Errorf("state.json is %v; want no permission for group or others", fi.Mode().Perm())
	}
	// Found from inside an exercise directory.
	found, err := Find(filepath.Join(root, "01-basics/01-hello"))
	if err != nil || found.Root != ws.Root {
		t.Errorf("Find = %v, %v", found, err)
	}
	rel, ok := found.Rel(filepath.Join(root, "01-basics/01-hello"))
	if !ok || rel != "01-basics/01-hello" {
		t.Errorf("Rel = %q, %v", rel, ok)
	}
	if _, ok := found.Rel(t.TempDir()); ok {
		t.Error("Rel accepted a directory outside the workspace")
	}
}

func TestInitRefusesToOverwrite(t *testing.T) {
	b := testBank(t)
	root := t.TempDir()
	if _, err := Init(root, b, ""); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "01-basics/01-hello/hello.py"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Init(root, b, ""); !errors.Is(err, ErrExists) {
		t.Fatalf("second Init: err = %v, want ErrExists", err)
	}
	if data, _ := os.ReadFile(filepath.Join(root, "01-basics/01-hello/hello.py")); string(data) != "mine" {
		t.Error("the learner's file was overwritten")
	}

	// A directory holding one of the files, without a state: refused, and
	// nothing is written.
	other := t.TempDir()
	os.MkdirAll(filepath.Join(other, "01-basics/01-hello"), 0o755)
	os.WriteFile(filepath.Join(other, "01-basics/01-hello/README.md"), []byte("notes"), 0o644)
	if _, err := Init(other, b, ""); err == nil {
		t.Fatal("Init wrote over an existing file")
	}
	if _, err := os.Stat(filepath.Join(other, "01-basics/01-hello/hello.py")); err == nil {
		t.Error("a refused Init still wrote files")
	}
}

func TestFindOutside(t *testing.T) {
	if _, err := Find(t.TempDir()); !errors.Is(err, ErrNotFound) {
		t.Errorf("err = %v", err)
	}
}

func TestLearnerFilesLeavesOutMissing(t *testing.T) {
	b := testBank(t)
	ws, err := Init(t.TempDir(), b, "")
	if err != nil {
		t.Fatal(err)
	}
	ex := b.All()[0]
	files, err := ws.LearnerFiles(ex)
	if err != nil || string(files["hello.py"]) != "x = None\n" {
		t.Fatalf("LearnerFiles = %v, %v", files, err)
	}
	os.Remove(filepath.Join(ws.ExerciseDir(ex), "hello.py"))
	files, err = ws.LearnerFiles(ex)
	if _, ok := files["hello.py"]; ok || err != nil {
		t.Errorf("a deleted file was read: %v, %v", files, err)
	}
}

func TestCorruptStateIsAnError(t *testing.T) {
	b := testBank(t)
	ws, err := Init(t.TempDir(), b, "")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(ws.statePath(), []byte("{not json"), 0o644)
	if _, err := ws.LoadState(); err == nil {
		t.Error("a corrupt state file loaded")
	}
}

// Many drills marking different exercises done at once lose none of them.
func TestMarkDoneConcurrently(t *testing.T) {
	ws, err := Init(t.TempDir(), testBank(t), "")
	if err != nil {
		t.Fatal(err)
	}
	const n = 40
	errs := make(chan error, n)
	for i := range n {
		go func() {
			_, err := ws.MarkDone(context.Background(), fmt.Sprintf("basics/ex%d", i), time.Now())
			errs <- err
		}()
	}
	for range n {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	st, err := ws.LoadState()
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Exercises) != n {
		t.Errorf("%d of %d exercises recorded", len(st.Exercises), n)
	}
}
