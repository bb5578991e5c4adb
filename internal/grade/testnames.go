package grade

import (
	"regexp"
	"strings"
)

var (
	topTest   = regexp.MustCompile(`^(?:async\s+)?def\s+(test\w*)\s*\(`)
	testClass = regexp.MustCompile(`^class\s+(Test\w*)\s*[:(]`)
	method    = regexp.MustCompile(`^(\s+)(?:async\s+)?def\s+(test\w*)\s*\(`)
)

// TestNames lists the tests a pytest file defines, as "file::name" or
// "file::Class::name", in file order: top-level test functions and the
// test methods of Test classes. The grader expects each of them in the
// results, so a run that skipped or lost one cannot pass.
func TestNames(file, source string) []string {
	var out []string
	class, body := "", "" // the Test class we are in, and its body's indentation
	for _, line := range strings.Split(source, "\n") {
		line = strings.TrimRight(line, "\r")
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		indented := line[0] == ' ' || line[0] == '\t'
		if !indented {
			class, body = "", ""
		} else if class != "" && body == "" {
			body = line[:len(line)-len(strings.TrimLeft(line, " \t"))]
		}
		switch {
		case !indented && topTest.MatchString(line):
			out = append(out, file+"::"+topTest.FindStringSubmatch(line)[1])
		case !indented && testClass.MatchString(line):
			class = testClass.FindStringSubmatch(line)[1]
		case class != "":
			if m := method.FindStringSubmatch(line); m != nil && m[1] == body {
				out = append(out, file+"::"+class+"::"+m[2])
			}
		}
	}
	return out
}

// baseID is a test's id without pytest's parameter suffix: tests/t.py::f[1] ->
// tests/t.py::f.
func baseID(file, name string) string {
	if i := strings.Index(name, "["); i >= 0 {
		name = name[:i]
	}
	return file + "::" + name
}
