package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testdata/unittest-bank holds exercises written the way public Python
// tracks write them (a TestCase of any name, NAME_test.py, a helper module
// named test_utils.py, subTest and the subtests fixture, unittest and plain
// classes side by side, asserts in a helper module): validate accepts them
// as written, in the real sandbox.
func TestDockerUnittestBankValidates(t *testing.T) {
	c := requireDocker(t)
	bankDir, err := filepath.Abs("testdata/unittest-bank")
	if err != nil {
		t.Fatal(err)
	}
	r := drill(t, t.TempDir(), "--bank", bankDir, "validate")
	expect(t, r, 0, "6 exercises: 6 valid, 0 invalid")
	noSandboxLeft(t, c, r.pid)
}

// gradeOne grades one submission (files by name) of an exercise of the
// unittest bank and returns its result's message and tests.
func gradeOne(t *testing.T, exercise string, files map[string]string) (string, []gradedTest) {
	t.Helper()
	bankDir, err := filepath.Abs("testdata/unittest-bank")
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	for name, text := range files {
		if err := os.MkdirAll(filepath.Join(root, "ann"), 0o755); err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(root, "ann", name), text)
	}
	r := drill(t, root, "--bank", bankDir, "grade", "-e", exercise, "--json", "ann")
	var doc struct {
		Submissions []struct {
			Result struct {
				Message string
				Tests   []gradedTest
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || len(doc.Submissions) != 1 {
		t.Fatalf("grade --json: %v\nstdout:\n%s\nstderr:\n%s", err, r.stdout, r.stderr)
	}
	return doc.Submissions[0].Result.Message, doc.Submissions[0].Result.Tests
}

type gradedTest struct{ Name, Status, Message, Output string }

// hideTwoWords is a learner's shout.py that is wrong for two words and
// hides the test that shows it, by patching unittest's loader, which pytest
// asks for a TestCase's tests.
const hideTwoWords = `import unittest


def shout(text):
    if " " in text:
        return text
    return text.upper() + "!"


_names = unittest.TestLoader.getTestCaseNames
unittest.TestLoader.getTestCaseNames = lambda self, case: [n for n in _names(self, case) if n != "test_two_words"]
`

// The tests of a TestCase of any name, and of a NAME_test.py file, are
// expected: a learner who hides one gets an error, not a pass.
func TestDockerUnittestTestsAreExpected(t *testing.T) {
	requireDocker(t)
	for _, tt := range []struct{ exercise, want string }{
		{"unittest/any-name", "ShoutChecks::test_two_words"},
		{"unittest/suffix", "TestWords::test_two_words"},
	} {
		t.Run(tt.exercise, func(t *testing.T) {
			// The learner's patch of unittest acts in its own process: the
			// judge collects, runs and fails the test all the same.
			_, tests := gradeOne(t, tt.exercise, map[string]string{"shout.py": hideTwoWords})
			found := false
			for _, got := range tests {
				if got.Name == tt.want {
					found = true
					if got.Status == "pass" {
						t.Errorf("%s passed", tt.want)
					}
				}
			}
			if !found {
				t.Errorf("no result for %s: %+v", tt.want, tests)
			}
		})
	}
}

// A failed sub-test names its case; what the learner printed is theirs,
// all of it, with no runner's progress letters; results come in the order
// of the file; an assert in a helper module shows both values.
func TestDockerUnittestMessages(t *testing.T) {
	requireDocker(t)
	t.Run("sub-tests", func(t *testing.T) {
		_, tests := gradeOne(t, "unittest/subtests", map[string]string{"shout.py": `def shout(text):
    print("shout got", repr(text))
    if " " in text:
        return text.upper()
    return text.upper() + "!"
`})
		printed := "shout got 'hey'\nshout got 'well done'\nshout got 'ok'\n"
		want := map[string]string{
			"TestShout::test_ends_with_a_mark":       "(text='well done') False is not true",
			"test_ends_with_a_mark_with_the_fixture": "(text='well done') assert False",
		}
		if len(tests) != len(want) {
			t.Fatalf("tests %+v", tests)
		}
		for _, tt := range tests {
			if tt.Status != "fail" || !strings.HasPrefix(tt.Message, want[tt.Name]) {
				t.Errorf("%s: %s %q, want fail %q...", tt.Name, tt.Status, tt.Message, want[tt.Name])
			}
			if tt.Output != printed {
				t.Errorf("%s: output %q, want %q", tt.Name, tt.Output, printed)
			}
		}
	})
	t.Run("several failed cases", func(t *testing.T) {
		_, tests := gradeOne(t, "unittest/subtests", map[string]string{"shout.py": "def shout(text):\n    return text\n"})
		want := "(text='hey') False is not true\n\n(text='well done') False is not true\n\n(text='ok') False is not true"
		if len(tests) == 0 || tests[0].Message != want {
			t.Errorf("tests %+v, want the first's message %q", tests, want)
		}
	})
	t.Run("file order", func(t *testing.T) {
		_, tests := gradeOne(t, "unittest/order", map[string]string{"shout.py": "def shout(text):\n    return text.upper()\n"})
		var names []string
		for _, tt := range tests {
			names = append(names, tt.Name)
		}
		want := "TestShoutUnittest::test_one_word TestShoutUnittest::test_empty_text TestShoutPlain::test_one_word TestShoutPlain::test_empty_text"
		if strings.Join(names, " ") != want {
			t.Errorf("order %v, want %s", names, want)
		}
	})
	t.Run("inherited tests", func(t *testing.T) {
		_, tests := gradeOne(t, "unittest/any-name", map[string]string{"shout.py": "def shout(text):\n    return text.upper() + '!'\n"})
		var names []string
		for _, tt := range tests {
			names = append(names, tt.Name)
		}
		want := "ShoutChecks::test_one_word ShoutChecks::test_two_words MarkChecks::test_one_word MarkChecks::test_two_words MarkChecks::test_empty_text"
		if strings.Join(names, " ") != want {
			t.Errorf("tests %v, want %s", names, want)
		}
	})
	t.Run("an assert in a helper module", func(t *testing.T) {
		_, tests := gradeOne(t, "unittest/helper-assert", map[string]string{"cart.py": "def total(prices):\n    return sum(prices) - 1\n"})
		if len(tests) != 2 {
			t.Fatalf("tests %+v", tests)
		}
		for _, tt := range tests {
			if !strings.HasPrefix(tt.Message, "assert 41 == 42") {
				t.Errorf("%s: message %q, want assert 41 == 42", tt.Name, tt.Message)
			}
		}
	})
}
