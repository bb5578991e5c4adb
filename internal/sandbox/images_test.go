package sandbox

import (
	"slices"
	"strings"
	"testing"
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
