package grade

import (
	"strings"
	"testing"
)

func TestTestNames(t *testing.T) {
	tests := []struct {
		name   string
		source string
		want   []string // without the file's prefix
	}{
		{"functions, plain classes and what is not collected", `import pytest

def helper():
    pass

def test_one():
    assert True

@pytest.mark.parametrize("x", [1, 2])
def test_two(x):
    pass

async def test_async():
    pass

class TestGroup:
    def test_method(self):
        pass

    def helper(self):
        def test_nested():
            pass

class Helper:
    def test_not_collected(self):
        pass

def test_after_class():
    pass
`, []string{"test_one", "test_two", "test_async", "TestGroup::test_method", "test_after_class"}},

		{"a TestCase of any name", `import unittest
from unittest import TestCase


class ShoutChecks(unittest.TestCase):
    def test_one_word(self):
        pass

    def test_two_words(self):
        pass


class MoreChecks(TestCase):
    def testShort(self):
        pass
`, []string{"ShoutChecks::test_one_word", "ShoutChecks::test_two_words", "MoreChecks::testShort"}},

		{"Django's and DRF's test cases", `from django.test import SimpleTestCase
from rest_framework.test import APITestCase

class Views(SimpleTestCase):
    def test_home(self):
        pass

class Api(APITestCase):
    def test_list(self):
        pass
`, []string{"Views::test_home", "Api::test_list"}},

		{"subclasses of subclasses in the same file inherit tests", `import unittest

class Base(unittest.TestCase):
    def test_base(self):
        pass

    def test_shared(self):
        pass

class Middle(Base):
    def test_middle(self):
        pass

class Leaf(Middle):
    def test_shared(self):
        pass

    def test_leaf(self):
        pass
`, []string{
			"Base::test_base", "Base::test_shared",
			"Middle::test_base", "Middle::test_shared", "Middle::test_middle",
			"Leaf::test_base", "Leaf::test_middle", "Leaf::test_shared", "Leaf::test_leaf",
		}},

		{"a mixin's tests reach the TestCase that uses it", `import unittest

class ChecksMixin:
    def test_from_mixin(self):
        pass

class Concrete(ChecksMixin, unittest.TestCase):
    def test_own(self):
        pass
`, []string{"Concrete::test_from_mixin", "Concrete::test_own"}},

		{"a class named like a TestCase but defined here is not one", `class FakeTestCase:
    pass

class Checks(FakeTestCase):
    def test_x(self):
        pass
`, nil},

		{"Test classes with __init__ or __test__ = False", `import unittest

class TestWithInit:
    def __init__(self):
        pass

    def test_x(self):
        pass

class TestInheritsInit(TestWithInit):
    def test_y(self):
        pass

class TestOff:
    __test__ = False

    def test_z(self):
        pass

class AbstractChecks(unittest.TestCase):
    __test__ = False

    def test_shared(self):
        pass

class RealChecks(AbstractChecks):
    __test__ = True

class TestOn:
    def test_on(self):
        pass
`, []string{"RealChecks::test_shared", "TestOn::test_on"}},

		{"nested Test classes", `class TestOuter:
    def test_a(self):
        pass

    class TestInner:
        def test_b(self):
            pass

    class Helper:
        def test_c(self):
            pass
`, []string{"TestOuter::test_a", "TestOuter::TestInner::test_b"}},

		{"definitions in strings and comments are not definitions", `"""A docstring that shows an example:

def test_in_docstring():
    pass
"""

# def test_in_comment():

TEXT = '''
class TestInString:
    def test_x(self): pass
'''

F = f"{'def test_in_fstring(): pass'}"
G = f"{ {'k': "def test_nested_quotes(): pass"}['k'] }"

def test_real():
    s = "unterminated \" quote"
`, []string{"test_real"}},

		{"a signature over several lines and a one-line body", `def test_long(
    a=(1,
       2),
):
    pass

def test_short(): pass

class TestOneLine: pass

class TestSplit(
    object,
):
    def test_m(self): pass
`, []string{"test_long", "test_short", "TestSplit::test_m"}},

		{"definitions inside if, try and with blocks", `import sys

if sys.version_info >= (3, 8):
    def test_new():
        pass
else:
    def test_new():
        pass

try:
    import numpy
except ImportError:
    def test_without_numpy():
        pass

class TestBlocks:
    if True:
        def test_in_if(self):
            pass
`, []string{"test_new", "test_without_numpy", "TestBlocks::test_in_if"}},

		{"a redefinition keeps the first place", `def test_a():
    pass

def test_b():
    pass

def test_a():
    pass
`, []string{"test_a", "test_b"}},

		{"non-ASCII names, normalized as Python does", "def test_größe():\n    pass\n\nclass TestÜber:\n    def test_ﬁx(self):\n        pass\n",
			[]string{"test_größe", "TestÜber::test_fix"}},

		{"tabs and CRLF line ends", "class TestTabs:\r\n\tdef test_t(self):\r\n\t\tpass\r\n\r\ndef test_after():\r\n\tpass\r\n",
			[]string{"TestTabs::test_t", "test_after"}},

		{"backslash continuation", "class TestCont(\\\n    object):\n    def test_c(self):\n        pass\n", []string{"TestCont::test_c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := TestNames("tests/test_x.py", tt.source)
			var want []string
			for _, w := range tt.want {
				want = append(want, "tests/test_x.py::"+w)
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("TestNames =\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
		})
	}
}

// FuzzTestNames: test files are an author's, and TestNames reads them
// before anything runs; no source may crash it, and what it returns must be
// test ids of the file, each once.
func FuzzTestNames(f *testing.F) {
	f.Add("def test_a():\n    pass\n")
	f.Add("class TestA(unittest.TestCase):\n    def test_b(self): pass\n")
	f.Add("x = f\"{'{'}\" + '''\ndef test_c(): pass\n'''\n")
	f.Add("class A(B, metaclass=M):\n\tdef test_d(self):\n\t\tpass\n")
	f.Add("def test_\u00e9(\n  a,\\\n  b): pass\n")
	f.Fuzz(func(t *testing.T, source string) {
		seen := map[string]bool{}
		for _, id := range TestNames("tests/t_test.py", source) {
			rest, ok := strings.CutPrefix(id, "tests/t_test.py::")
			if !ok {
				t.Fatalf("%q is not a test of the file", id)
			}
			parts := strings.Split(rest, "::")
			if !strings.HasPrefix(parts[len(parts)-1], "test") {
				t.Fatalf("%q is not a test's name", id)
			}
			if seen[id] {
				t.Fatalf("%q twice", id)
			}
			seen[id] = true
		}
	})
}
