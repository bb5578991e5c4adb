package cli_test

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// zipOf is a zip of the files (path -> content); a content starting "-> "
// is a symbolic link to the rest.
func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		h := &zip.FileHeader{Name: n, Method: zip.Deflate}
		data := files[n]
		if target, ok := strings.CutPrefix(data, "-> "); ok {
			h.SetMode(fs.ModeSymlink | 0o777)
			data = target
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(data))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func tarGzOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for n, data := range files {
		if err := tw.WriteHeader(&tar.Header{Name: n, Mode: 0o644, Size: int64(len(data)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		tw.Write([]byte(data))
	}
	tw.Close()
	gz.Close()
	return buf.Bytes()
}

// A class as a learning platform hands it out, graded in the real sandbox:
// one zip made on a Mac, a folder wrapped around the class, learners'
// folders and learners' own archives inside, some written to break the
// grader, a roster naming two who handed nothing in. Every learner gets
// the right row, each skip is named, the exit status says someone is
// missing; the page agrees with the CSV in a real browser; a second run
// keeps every graded row.
func TestDockerGradeAClassArchive(t *testing.T) {
	c := requireDocker(t)
	bankDir, err := filepath.Abs("testdata/bank")
	if err != nil {
		t.Fatal(err)
	}
	const (
		right   = "def hello(name):\n    return f'Hello, {name}!'\n"
		wrong   = "def hello(name):\n    return None\n"
		partial = "def hello(name):\n    return 'Hello, Ann!'\n"
		top     = "hello-submissions/"
	)
	type want struct{ status, passed, total, message string }
	ok := want{"pass", "2", "2", ""}
	class := map[string]string{
		"__MACOSX/._hello-submissions": "\x00\x05\x16\x07",
		top + ".DS_Store":              "Bud1",
		top + "hello.py":               right, // a stray copy beside the learners
		top + "notes.txt":              "marking notes",
	}
	learners := []struct {
		name string
		add  func(dir string) // puts the learner's submission under dir in the class zip
		want want
	}{}
	plain := func(name, code string, w want) {
		learners = append(learners, struct {
			name string
			add  func(string)
			want want
		}{name, func(d string) { class[d+name+"/hello.py"] = code }, w})
	}
	for _, n := range []string{"ann", "ben", "cat", "dan", "eve", "sam", "tia"} {
		plain(n, right, ok)
	}
	plain("fay", wrong, want{"fail", "0", "2", "failed: test_hello_greets_by_name, test_hello_greets_anyone"})
	plain("gus", wrong, want{"fail", "0", "2", "failed: test_hello_greets_by_name, test_hello_greets_anyone"})
	plain("hal", partial, want{"fail", "1", "2", "failed: test_hello_greets_anyone"})
	plain("ivy", partial, want{"fail", "1", "2", "failed: test_hello_greets_anyone"})
	plain("jay", "def hello(name)\n    return name\n", want{"error", "0", "0", "syntax error: hello.py, line 1"})
	plain("ray", "GREETING = undefined_name\n", want{"error", "0", "0", "your code failed to load"})
	other := func(name string, add func(string), w want) {
		learners = append(learners, struct {
			name string
			add  func(string)
			want want
		}{name, add, w})
	}
	other("kim.zip", func(d string) { // zipped on a Mac
		class[d+"kim.zip"] = string(zipOf(t, map[string]string{"kim/hello.py": right, "__MACOSX/kim/._hello.py": "\x00\x05\x16\x07", "kim/.DS_Store": "Bud1"}))
	}, ok)
	other("lou.tar.gz", func(d string) { class[d+"lou.tar.gz"] = string(tarGzOf(t, map[string]string{"./lou/hello.py": right})) }, ok)
	other("mia", func(d string) { class[d+"mia/homework-1/hello.py"] = right }, ok)
	other("ned", func(d string) {
		class[d+"ned/hello.py"] = right
		class[d+"ned/../../../../tmp/drill-zip-slip"] = "escaped"
	}, want{"error", "0", "0", "archive refused: " + top + "ned/../../../../tmp/drill-zip-slip goes up with .."})
	other("oli.zip", func(d string) {
		class[d+"oli.zip"] = string(zipOf(t, map[string]string{"hello.py": strings.Repeat("\x00", 64<<20)}))
	}, want{"error", "0", "0", "archive refused: hello.py decompresses to more than 100 times its size"})
	other("pam", func(d string) { class[d+"pam/hello.py"] = "-> /etc/passwd" },
		want{"error", "0", "0", "archive refused: " + top + "pam/hello.py is a symbolic link"})
	other("quin.zip", func(d string) { class[d+"quin.zip"] = string(zipOf(t, nil)) }, want{"error", "0", "0", "the archive is empty"})
	for _, l := range learners {
		l.add(top)
	}
	if len(learners) < 20 {
		t.Fatalf("a class of %d", len(learners))
	}
	root := t.TempDir()
	write(t, filepath.Join(root, "class.zip"), string(zipOf(t, class)))
	var roster []string
	for _, l := range learners {
		roster = append(roster, strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(l.name, ".zip"), ".tar.gz"), ".tgz"))
	}
	write(t, filepath.Join(root, "roster.txt"), strings.Join(append(roster, "yan", "zoe"), "\n")+"\n")

	args := []string{"--bank", bankDir, "grade", "-e", "basics/hello", "--roster", "roster.txt", "--out", "grades.csv", "--html", "report.html", "class.zip"}
	r := drill(t, root, args...)
	if r.code != 1 {
		t.Errorf("exit code %d, want 1 (two are missing)\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	rows := readCSV(t, filepath.Join(root, "grades.csv"))
	byName := map[string][]string{}
	for _, row := range rows[1:] {
		byName[row[0]] = row
	}
	if len(rows)-1 != len(learners)+2 {
		t.Errorf("%d rows for %d learners and 2 missing:\n%v", len(rows)-1, len(learners), rows)
	}
	for _, l := range learners {
		name := "class.zip/" + top + l.name
		row, found := byName[name]
		w := l.want
		if !found || row[1] != w.status || row[2] != w.passed || row[3] != w.total ||
			!strings.HasPrefix(row[5], w.message) || (w.message == "" && row[5] != "") {
			t.Errorf("row of %s = %q, want %+v", name, row, w)
		}
	}
	for _, id := range []string{"yan", "zoe"} {
		if row := byName[id]; strings.Join(row, ",") != id+",missing,0,0,0,no submission" {
			t.Errorf("row of %s = %q, want it missing", id, row)
		}
	}
	if _, err := os.Stat("/tmp/drill-zip-slip"); err == nil {
		t.Error("the zip-slip entry was written to /tmp")
	}
	for _, line := range []string{
		"20 submissions of basics/hello: 10 passed, 4 failed, 6 errored, 2 missing\n",
		"missing (on the roster, no submission): yan, zoe\n",
		"skipped class.zip/__MACOSX: Finder or Explorer metadata\n",
		"skipped class.zip/" + top + ".DS_Store: Finder or Explorer metadata\n",
		"skipped class.zip/" + top + "hello.py: not a submission: a file beside the learners' folders",
		"skipped class.zip/" + top + "notes.txt: not a submission",
		"What the class got wrong (of 14 submissions whose tests ran):\n",
	} {
		if !strings.Contains(r.stdout, line) {
			t.Errorf("the output lacks %q:\n%s", line, r.stdout)
		}
	}
	if !regexp.MustCompile(`(?m)^  test_hello_greets_anyone +29% 4/14 +assert None == 'Hello, Bo!' \(2\)$`).MatchString(r.stdout) {
		t.Errorf("the table has no line for test_hello_greets_anyone, failed by 4 of 14:\n%s", r.stdout)
	}
	t.Logf("the per-test table:\n%s", r.stdout[strings.Index(r.stdout, "What the class"):])
	noSandboxLeft(t, c, r.pid)

	checkPageInBrowser(t, filepath.Join(root, "report.html"), rows)

	// Run again, as after an interruption: every row graded in the sandbox is kept.
	first, _ := os.ReadFile(filepath.Join(root, "grades.csv"))
	r = drill(t, root, args...)
	if r.code != 1 || !strings.Contains(r.stdout, "2 missing; 16 kept from the last run\n") {
		t.Errorf("resumed: exit %d, want 1 and 16 kept (those graded in the sandbox):\n%s%s", r.code, r.stdout, r.stderr)
	}
	if again, _ := os.ReadFile(filepath.Join(root, "grades.csv")); !bytes.Equal(first, again) {
		t.Errorf("the resumed run's CSV differs:\n%s\nfirst:\n%s", again, first)
	}
	noSandboxLeft(t, c, r.pid)
}

func readCSV(t *testing.T, name string) [][]string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatalf("no CSV: %v", err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// checkPageInBrowser opens the page in headless Chromium and checks what
// the browser made of it against the CSV: the counts, each learner's row,
// the histogram's bars and each test's failures (from the CSV's "failed:"
// messages).
func checkPageInBrowser(t *testing.T, page string, rows [][]string) {
	t.Helper()
	browser := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			browser = p
			break
		}
	}
	if browser == "" {
		t.Log("SKIP the browser check: no chromium on PATH (apt-get install chromium)")
		return
	}
	cmd := exec.Command(browser, "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir="+t.TempDir(), "--dump-dom", "file://"+page)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	dom, err := cmd.Output()
	if err != nil || !bytes.Contains(dom, []byte("</html>")) {
		t.Fatalf("chromium --dump-dom: %v\n%s", err, stderr.String())
	}
	attrs := func(class string, names ...string) [][]string {
		re := regexp.MustCompile(`<[a-z]+ class="` + class + `"([^>]*)>`)
		var out [][]string
		for _, m := range re.FindAllStringSubmatch(string(dom), -1) {
			var vals []string
			for _, n := range names {
				v := regexp.MustCompile(` ` + n + `="([^"]*)"`).FindStringSubmatch(m[1])
				if v == nil {
					t.Fatalf("%s without %s: %s", class, n, m[0])
				}
				vals = append(vals, strings.ReplaceAll(v[1], "&amp;", "&"))
			}
			out = append(out, vals)
		}
		return out
	}
	// What the CSV says.
	count := map[string]int{}
	var bins [10]int
	failed := map[string]int{}
	ran := 0
	want := map[string][]string{}
	for _, row := range rows[1:] {
		count[row[1]]++
		want[row[0]] = []string{row[1], row[4]}
		if row[1] == "missing" {
			continue
		}
		score, _ := strconv.ParseFloat(row[4], 64)
		bins[min(int(score*10), 9)]++
		if row[1] == "pass" || row[1] == "fail" {
			ran++
		}
		if names, ok := strings.CutPrefix(row[5], "failed: "); ok {
			for _, n := range strings.Split(names, ", ") {
				failed[n]++
			}
		}
	}
	// What the browser shows.
	figure := func(name string) int {
		m := regexp.MustCompile(`data-figure="` + name + `"[^>]*><b>(\d+)</b>`).FindSubmatch(dom)
		if m == nil {
			t.Fatalf("no figure %s on the page", name)
		}
		n, _ := strconv.Atoi(string(m[1]))
		return n
	}
	for fig, n := range map[string]int{"passed": count["pass"], "failed": count["fail"], "errored": count["error"], "missing": count["missing"],
		"submissions": count["pass"] + count["fail"] + count["error"]} {
		if got := figure(fig); got != n {
			t.Errorf("the page shows %d %s, the CSV %d", got, fig, n)
		}
	}
	learners := attrs("learner", "data-submission", "data-status", "data-score")
	if len(learners) != len(rows)-1 {
		t.Errorf("the page has %d learners, the CSV %d", len(learners), len(rows)-1)
	}
	for _, l := range learners {
		if w := want[l[0]]; w == nil || w[0] != l[1] || w[1] != l[2] {
			t.Errorf("the page has %s %s %s, the CSV %v", l[0], l[1], l[2], w)
		}
	}
	shown := attrs("bin", "data-bin", "data-count")
	if len(shown) != 10 {
		t.Fatalf("%d bins on the page", len(shown))
	}
	for _, b := range shown {
		i, _ := strconv.Atoi(b[0])
		if n, _ := strconv.Atoi(b[1]); n != bins[i] {
			t.Errorf("bin %d shows %d scores, the CSV has %d", i, n, bins[i])
		}
	}
	for _, tst := range attrs("test", "data-test", "data-failed", "data-ran") {
		if tst[1] != strconv.Itoa(failed[tst[0]]) || tst[2] != strconv.Itoa(ran) {
			t.Errorf("the page: %s failed by %s of %s; the CSV: %d of %d", tst[0], tst[1], tst[2], failed[tst[0]], ran)
		}
	}
	t.Logf("the page in %s: %v counts, bins %v, tests failed %v of %d", filepath.Base(browser), count, bins, failed, ran)
	if os.Getenv("DRILL_SCREENSHOT") != "" {
		shot := exec.Command(browser, "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir="+t.TempDir(), "--window-size=1200,2400",
			"--screenshot="+os.Getenv("DRILL_SCREENSHOT"), "file://"+page)
		if out, err := shot.CombinedOutput(); err != nil {
			t.Errorf("screenshot: %v\n%s", err, out)
		}
		cp := exec.Command("cp", page, strings.TrimSuffix(os.Getenv("DRILL_SCREENSHOT"), ".png")+".html")
		cp.Run()
	}
}

// The run_autograder of docs/instructors.md, run as Gradescope would, with
// Gradescope's directory names under a temporary root: a Mac upload
// unpacked (the learner's folder and __MACOSX/), then a zip uploaded as it
// is. Each time results/results.json gives the reference solution every
// point.
func TestDockerGradescopeAutograder(t *testing.T) {
	requireDocker(t)
	doc, err := os.ReadFile("../../docs/instructors.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, found := strings.Cut(string(doc), "<!-- run_autograder")
	_, script, _ := strings.Cut(after, "```sh\n")
	script, _, _ = strings.Cut(script, "```")
	if !found || !strings.Contains(script, "drill grade") {
		t.Fatalf("no run_autograder in docs/instructors.md")
	}
	solution, err := os.ReadFile("../../exercises/01-python-basics/01-variables/solution/variables.py")
	if err != nil {
		t.Fatal(err)
	}
	put := func(t *testing.T, name, text string) {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		write(t, name, text)
	}
	uploads := map[string]func(t *testing.T, sub string){
		"a Mac upload, unpacked": func(t *testing.T, sub string) {
			put(t, filepath.Join(sub, "variables", "variables.py"), string(solution))
			put(t, filepath.Join(sub, "__MACOSX", "variables", "._variables.py"), "\x00\x05\x16\x07Mac OS X")
		},
		"a zip as it is": func(t *testing.T, sub string) {
			put(t, filepath.Join(sub, "hw1.zip"), string(zipOf(t, map[string]string{
				"hw1/variables.py": string(solution), "__MACOSX/hw1/._variables.py": "\x00\x05\x16\x07"})))
		},
	}
	for name, upload := range uploads {
		t.Run(name, func(t *testing.T) {
			root := t.TempDir()
			ag := filepath.Join(root, "autograder")
			for _, d := range []string{"submission", "results", "source"} {
				if err := os.MkdirAll(filepath.Join(ag, d), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			upload(t, filepath.Join(ag, "submission"))
			run := filepath.Join(ag, "run_autograder")
			write(t, run, strings.ReplaceAll(script, "/autograder", ag))
			cmd := exec.Command("bash", run)
			cmd.Dir = filepath.Join(ag, "source")
			cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(drillBinary(t))+":"+os.Getenv("PATH"), "NO_COLOR=1")
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("run_autograder: %v\n%s", err, out)
			}
			data, err := os.ReadFile(filepath.Join(ag, "results", "results.json"))
			if err != nil {
				t.Fatalf("no results/results.json: %v\n%s", err, out)
			}
			var res struct {
				Score float64
				Tests []struct{ Status string }
			}
			if err := json.Unmarshal(data, &res); err != nil {
				t.Fatal(err)
			}
			if len(res.Tests) == 0 || res.Score != float64(len(res.Tests)) {
				t.Errorf("score %v of %d tests, want every point:\n%s\n%s", res.Score, len(res.Tests), data, out)
			}
		})
	}
}
