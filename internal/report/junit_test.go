package report

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"
)

func TestJUnit(t *testing.T) {
	tests := []struct {
		name   string
		suites []JUnitSuite
		want   string
	}{
		{"pass, failure, output", []JUnitSuite{{Name: "drill validate", Cases: []JUnitCase{
			{Class: "basics", Name: "basics/hello", Time: 1500 * time.Millisecond, Output: "the solution took 2s"},
			{Class: "basics", Name: "basics/sum", Time: 250 * time.Millisecond,
				Failure: "the starter passes every test\nsolution/x.py is <not> one of the exercise's files & more"},
		}}}, `<?xml version="1.0" encoding="UTF-8"?>
<testsuites tests="2" failures="1" time="1.750">
  <testsuite name="drill validate" tests="2" failures="1" errors="0" time="1.750">
    <testcase classname="basics" name="basics/hello" time="1.500">
      <system-out>the solution took 2s</system-out>
    </testcase>
    <testcase classname="basics" name="basics/sum" time="0.250">
      <failure message="the starter passes every test (and 1 more)" type="invalid">the starter passes every test&#xA;solution/x.py is &lt;not&gt; one of the exercise&#39;s files &amp; more</failure>
    </testcase>
  </testsuite>
</testsuites>
`},
		{"no cases", []JUnitSuite{{Name: "drill validate"}}, `<?xml version="1.0" encoding="UTF-8"?>
<testsuites tests="0" failures="0" time="0.000">
  <testsuite name="drill validate" tests="0" failures="0" errors="0" time="0.000"></testsuite>
</testsuites>
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			if err := JUnit(&b, tt.suites); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", b.String(), tt.want)
			}
		})
	}
}

// Whatever a message holds (a learner's bytes end up in them), the report
// stays well-formed XML.
func TestJUnitIsWellFormed(t *testing.T) {
	var b strings.Builder
	err := JUnit(&b, []JUnitSuite{{Name: "s", Cases: []JUnitCase{{Name: "x\x00y", Failure: "bad \x1b[31m \xff bytes ]]> <![CDATA["}}}})
	if err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(strings.NewReader(b.String()))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, b.String())
		}
	}
}
