package sandbox

import (
	"archive/tar"
	"bytes"
	"io"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	recipes "github.com/drill-dev/drill/sandbox"
)

// The harness's host tests and fixtures are no part of an image: editing
// them builds no new one.
func TestRecipeFilesLeaveHostFilesOut(t *testing.T) {
	files := recipeFiles("python")
	if !slices.Contains(files, "harness/harness.py") || !slices.Contains(files, "python/Dockerfile") {
		t.Fatalf("the recipe lacks the harness: %v", files)
	}
	for _, f := range files {
		if strings.HasPrefix(f, "harness/testdata/") || strings.HasPrefix(f, "harness/tests/") || strings.Contains(f, "/.") {
			t.Errorf("%s is in the image", f)
		}
	}
	if !slices.ContainsFunc(recipeFiles("django"), func(f string) bool { return f == "harness/harness.py" }) {
		t.Error("the django recipe lacks the harness")
	}
}

// The recipes as a clone on Windows has them where Git's core.autocrlf
// is set (Git for Windows' default): each line ending CRLF. The image is
// built from the same files as from an LF checkout, and has the same tag:
// the watchdog, a shell script, stops at its first command with CRs in it.
func TestRecipesFromACRLFCheckout(t *testing.T) {
	lf, crlf := fstest.MapFS{}, fstest.MapFS{}
	for _, rt := range []string{"python", "django"} {
		for _, name := range recipeFiles(rt) {
			data, err := fs.ReadFile(recipes.FS, name)
			if err != nil {
				t.Fatal(err)
			}
			lf[name] = &fstest.MapFile{Data: data}
			crlf[name] = &fstest.MapFile{Data: bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))}
		}
	}
	if !bytes.Contains(crlf["harness/watchdog"].Data, []byte("\r\n")) {
		t.Fatal("the CRLF checkout has no CRLF watchdog")
	}
	for _, rt := range []string{"python", "django"} {
		want, err := recipeContextIn(lf, rt)
		if err != nil {
			t.Fatal(err)
		}
		got, err := recipeContextIn(crlf, rt)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: the CRLF checkout's build context differs from the LF one's", rt)
		}
		tr := tar.NewReader(bytes.NewReader(got))
		for {
			h, err := tr.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			data, _ := io.ReadAll(tr)
			if bytes.Contains(data, []byte("\r")) {
				t.Errorf("%s: %s goes into the image with CRs", rt, h.Name)
			}
		}
		hashLF, _ := recipeHashIn(lf, rt)
		hashCRLF, _ := recipeHashIn(crlf, rt)
		hashEmbedded, _ := recipeHash(rt)
		if hashCRLF != hashLF || hashLF != hashEmbedded {
			t.Errorf("%s: recipe hash %.12s from CRLF, %.12s from LF, %.12s embedded; want one", rt, hashCRLF, hashLF, hashEmbedded)
		}
	}
}
