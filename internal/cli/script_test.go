package cli_test

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/drill-dev/drill/internal/bank"
	"github.com/drill-dev/drill/internal/cli"
	"github.com/drill-dev/drill/internal/sandbox"
	"github.com/drill-dev/drill/internal/wire"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"drill": func() {
			app := cli.NewApp("v0.0.0-test")
			app.NewRunner = newFakeRunner
			os.Exit(cli.Main(app, os.Args[1:]))
		},
	})
}

// TestScripts runs the CLI as a user would, with a fake sandbox: see
// fakeRunner for how it decides what the "tests" do.
func TestScripts(t *testing.T) {
	bankDir, err := filepath.Abs("testdata/bank")
	if err != nil {
		t.Fatal(err)
	}
	unittestBank, err := filepath.Abs("testdata/unittest-bank")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// exits CODE PROG ARGS...: run PROG and require that exit code.
			"exits": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) < 2 {
					ts.Fatalf("usage: exits CODE PROG [ARGS...]")
				}
				want, err := strconv.Atoi(args[0])
				ts.Check(err)
				got := 0
				if err := ts.Exec(args[1], args[2:]...); err != nil {
					var ee *exec.ExitError
					if !errors.As(err, &ee) {
						ts.Fatalf("%s: %v", args[1], err)
					}
					got = ee.ExitCode()
				}
				if got != want {
					ts.Fatalf("%s exited %d, want %d", args[1], got, want)
				}
			},
			// archive [-mac] [-slip] [-link] OUT DIR: DIR's files in the
			// zip, tar or tar.gz OUT (by its name), at their paths under
			// DIR; -mac adds the Finder's __MACOSX/ and .DS_Store, -slip an
			// entry ../escaped.py, -link an entry that is a symbolic link.
			"archive": func(ts *testscript.TestScript, neg bool, args []string) {
				ts.Check(writeArchive(ts, args))
			},
			// crlf SRC DST: SRC with each line ending CRLF, as a Windows
			// editor saves it, written to DST.
			"crlf": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 2 {
					ts.Fatalf("usage: crlf SRC DST")
				}
				data, err := os.ReadFile(ts.MkAbs(args[0]))
				ts.Check(err)
				lf := strings.ReplaceAll(string(data), "\r\n", "\n")
				ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(strings.ReplaceAll(lf, "\n", "\r\n")), 0o644))
			},
		},
		Setup: func(env *testscript.Env) error {
			env.Setenv("TESTBANK", bankDir)
			env.Setenv("UNITTESTBANK", unittestBank)
			env.Setenv("NO_COLOR", "1")
			return nil
		},
	})
}

// fakeRunner grades by looking at the learner's files instead of running
// them. A file containing SYNTAX has a syntax error; IMPORTERROR fails to
// load with a message of several lines; LOOP never ends; CRASH
// kills the run before it reports; ENGINE makes the sandbox itself fail;
// RAISE "TEXT" fails to load with TEXT (a Go string literal, so a script
// can spell control characters) as its error, and SAYS "TEXT" fails every
// test with TEXT as the message and the printed output;
// None (or WRONG), or a CR (drill gives the sandbox LF line endings),
// fails every test; SLOW passes in three quarters of the
// time limit; anything else passes. It answers in the harness's own
// results format, so the real grading code reads it.
type fakeRunner struct{}

func newFakeRunner(ctx context.Context, progress io.Writer) (cli.Runner, error) {
	if os.Getenv("FAKE_DOCKER") == "down" {
		return nil, fmt.Errorf("%w: cannot reach the Docker engine at unix:///var/run/docker.sock (is Docker running?)", sandbox.ErrUnavailable)
	}
	return fakeRunner{}, nil
}

func (fakeRunner) Close() error { return nil }

// quoted is the Go string literal after marker in text ("" if none).
func quoted(text, marker string) string {
	_, rest, _ := strings.Cut(text, marker)
	lit, _, _ := strings.Cut(rest, "\n")
	s, err := strconv.Unquote(strings.TrimSpace(lit))
	if err != nil {
		return "bad literal after " + marker + ": " + err.Error()
	}
	return s
}

func (fakeRunner) BuildImages(ctx context.Context, runtimes []string, force bool) ([]string, error) {
	var tags []string
	for _, rt := range runtimes {
		tags = append(tags, "drill-"+rt+":fake")
	}
	return tags, nil
}

func (fakeRunner) Clean(ctx context.Context, scope sandbox.CleanScope) (int, error) {
	return int(scope), nil
}

func (fakeRunner) RemoveImages(ctx context.Context) ([]string, error) {
	return []string{"drill-python:fake"}, nil
}

var (
	classLine = regexp.MustCompile(`^class (\w+)`)
	testLine  = regexp.MustCompile(`^(\s*)def (test\w*)\(`)
)

// fakeCollect is what pytest collects of the simple test files of the
// test banks here: test functions, and test methods of their classes.
func fakeCollect(file, source string) []string {
	var ids []string
	class := ""
	for _, line := range strings.Split(source, "\n") {
		if m := classLine.FindStringSubmatch(line); m != nil {
			class = m[1]
		} else if m := testLine.FindStringSubmatch(line); m != nil {
			if m[1] == "" {
				class = ""
				ids = append(ids, file+"::"+m[2])
			} else if class != "" {
				ids = append(ids, file+"::"+class+"::"+m[2])
			}
		} else if line != "" && !strings.HasPrefix(line, " ") && !strings.HasPrefix(line, "\t") && !strings.HasPrefix(line, "#") {
			class = ""
		}
	}
	return ids
}

func (fakeRunner) Run(ctx context.Context, job sandbox.Job) (sandbox.Outcome, error) {
	var learner, tests []sandbox.File
	for _, f := range job.Files {
		if slices.Contains(job.Spec.LearnerFiles, f.Path) {
			learner = append(learner, f)
		}
		if strings.HasPrefix(f.Path, "tests/") && bank.IsTestFile(f.Path) {
			tests = append(tests, f)
		}
	}
	// What pytest would collect from the test banks here: their test
	// functions, and the test methods of their classes.
	var ids []string
	for _, f := range tests {
		ids = append(ids, fakeCollect(f.Path, string(f.Data))...)
	}
	text := ""
	for _, f := range learner {
		text += string(f.Data)
	}
	var stream wire.StreamBuilder
	// started is the stream of a run that stopped during the first test.
	started := func() []byte {
		return stream.Collected(ids...).Start(wire.NameOf(ids[0])).Bytes()
	}
	out := sandbox.Outcome{Duration: 120 * time.Millisecond}
	switch {
	case strings.Contains(text, "SYNTAX"):
		out.Stdout = stream.Results(wire.Results{Status: wire.Error, Kind: wire.KindSyntax, File: learner[0].Path, Line: 2,
			Message: learner[0].Path + ", line 2\n    SYNTAX(\n          ^\nSyntaxError: '(' was never closed"}).Bytes()
	case strings.Contains(text, "RAISE "):
		out.Stdout = stream.Collected().Results(wire.Results{Status: wire.Error, Kind: wire.KindImport,
			Message: learner[0].Path + ", line 1: RuntimeError: " + quoted(text, "RAISE ")}).Bytes()
	case strings.Contains(text, "IMPORTERROR"):
		// As some suites explain a missing function: a message set apart
		// by blank lines, over several lines.
		out.Stdout = stream.Collected().Results(wire.Results{Status: wire.Error, Kind: wire.KindImport,
			Message: "ImportError: \n\nMISSING FUNCTION: the tests look for shout() in shout.py.\nCheck its name.\n"}).Bytes()
	case strings.Contains(text, "ENGINE"):
		return sandbox.Outcome{}, fmt.Errorf("%w: start sandbox: the engine went away", sandbox.ErrUnavailable)
	case strings.Contains(text, "CRASH"):
		out.Stdout = started()
		out.ExitCode = 139
	case strings.Contains(text, "LOOP"):
		out.Stdout = started()
		out.CPUExceeded = true
		out.Duration, out.CPUTime = job.TimeLimit, job.TimeLimit
	case strings.Contains(text, "SLEEP"):
		out.Stdout = started()
		out.WallExceeded = true
		out.Duration, out.CPUTime = sandbox.WallLimit(job.TimeLimit), 200*time.Millisecond
	case strings.Contains(text, "BUSY"):
		out.Stdout = started()
		out.WallExceeded, out.Busy = true, true
		out.Duration, out.CPUTime, out.ReadyTime = sandbox.WallCap(job.TimeLimit), job.TimeLimit/4, job.TimeLimit*9
	default:
		var results []wire.Test
		for _, id := range ids {
			file, name, _ := strings.Cut(id, "::")
			t := wire.Test{Name: name, File: file, Status: wire.Pass}
			if strings.Contains(text, "None") || strings.Contains(text, "WRONG") || strings.Contains(text, "\r") {
				t.Status, t.Message = wire.Fail, "assert None == 'expected'"
			}
			if strings.Contains(text, "SAYS ") {
				said := quoted(text, "SAYS ")
				t.Status, t.Message, t.Output = wire.Fail, said, said
			}
			results = append(results, t)
		}
		out.Stdout = stream.Run(results...).Bytes()
		if strings.Contains(text, "SLOW") {
			out.Duration, out.CPUTime = job.TimeLimit*3/4, job.TimeLimit*3/4
		}
	}
	return out, nil
}

func writeArchive(ts *testscript.TestScript, args []string) error {
	flags := map[string]bool{}
	for len(args) > 0 && strings.HasPrefix(args[0], "-") {
		flags[args[0]] = true
		args = args[1:]
	}
	if len(args) != 2 {
		return errors.New("usage: archive [-mac] [-slip] [-link] OUT DIR")
	}
	type entry struct {
		name, link string
		data       []byte
	}
	var entries []entry
	dir := ts.MkAbs(args[1])
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		entries = append(entries, entry{name: filepath.ToSlash(rel), data: data})
		return err
	})
	if err != nil {
		return err
	}
	if flags["-mac"] {
		for _, e := range slices.Clone(entries) {
			entries = append(entries, entry{name: "__MACOSX/" + path.Dir(e.name) + "/._" + path.Base(e.name), data: []byte("\x00\x05\x16\x07Mac OS X")})
		}
		entries = append(entries, entry{name: ".DS_Store", data: []byte("Bud1")})
	}
	if flags["-slip"] {
		entries = append(entries, entry{name: "../escaped.py", data: []byte("print('out')\n")})
	}
	if flags["-link"] {
		entries = append(entries, entry{name: "passwd", link: "/etc/passwd"})
	}
	out, err := os.Create(ts.MkAbs(args[0]))
	if err != nil {
		return err
	}
	defer out.Close()
	if strings.HasSuffix(args[0], ".zip") {
		zw := zip.NewWriter(out)
		for _, e := range entries {
			h := &zip.FileHeader{Name: e.name, Method: zip.Deflate}
			data := e.data
			if e.link != "" {
				h.SetMode(os.ModeSymlink | 0o777)
				data = []byte(e.link)
			}
			w, err := zw.CreateHeader(h)
			if err != nil {
				return err
			}
			w.Write(data)
		}
		return zw.Close()
	}
	var w io.Writer = out
	if !strings.HasSuffix(args[0], ".tar") {
		gz := gzip.NewWriter(out)
		defer gz.Close()
		w = gz
	}
	tw := tar.NewWriter(w)
	for _, e := range entries {
		h := &tar.Header{Name: e.name, Mode: 0o644, Size: int64(len(e.data)), Typeflag: tar.TypeReg}
		if e.link != "" {
			h = &tar.Header{Name: e.name, Linkname: e.link, Typeflag: tar.TypeSymlink}
		}
		if err := tw.WriteHeader(h); err != nil {
			return err
		}
		tw.Write(e.data)
	}
	return tw.Close()
}
