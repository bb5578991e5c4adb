package classgrade

import (
	"strings"
	"testing"
)

func TestReadRoster(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // ids joined by ,
		err        string
	}{
		{"an id a line", "# autumn\nann\n\n bob \r\ncat\n", "ann,bob,cat", ""},
		{"CSV with an id column", "name,ID,email\nAnn A,ann,a@x\n\"B, Bob\",bob,b@x\n", "ann,bob", ""},
		{"a platform's export", "\ufeffStudent ID,Name\n1001,Ann\n1002,Bob\n", "1001,1002", ""},
		{"email for an id", "name,email\nAnn,ann@x.org\n", "ann@x.org", ""},
		{"no id column", "name,mail\nAnn,a@x\n", "", "has no id column"},
		{"an id twice", "ann\nbob\nANN\n", "", "ANN is on the roster twice"},
		{"a row without its id", "name,id\nAnn,\n", "", "the roster's row 2 has no id"},
		{"empty", "# nobody\n", "", "the roster names no learner"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ro, err := ReadRoster(strings.NewReader(tt.text))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(ro.IDs, ","); got != tt.want {
				t.Errorf("ids %s, want %s", got, tt.want)
			}
		})
	}
}

func TestRosterMatch(t *testing.T) {
	ro := &Roster{IDs: []string{"ann", "Bob", "cat", "dan"}}
	rows := []Row{{Submission: "c/ann"}, {Submission: "c/bob.zip", Learner: "stale"}, {Submission: "c/hw"}, {Submission: "c/zed"}}
	ids := [][]string{{"ann"}, {"bob"}, {"hw", "cat"}, {"zed"}}
	missing, unmatched := ro.match(rows, ids)
	var learners []string
	for _, r := range rows {
		learners = append(learners, r.Learner)
	}
	if got := strings.Join(learners, ","); got != "ann,Bob,cat," {
		t.Errorf("learners %s, want ann,Bob,cat, (a wrapped folder's name counts, case does not)", got)
	}
	if len(missing) != 1 || missing[0].Submission != "dan" || missing[0].Status != Missing || missing[0].Kind != KindMissing {
		t.Errorf("missing %+v, want dan", missing)
	}
	if strings.Join(unmatched, ",") != "c/zed" {
		t.Errorf("unmatched %v, want c/zed", unmatched)
	}
}
