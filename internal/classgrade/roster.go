package classgrade

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"
)

// A Roster is who should have handed something in: learners' ids, in the
// roster's order.
type Roster struct {
	IDs []string
}

// rosterColumns are the header names taken for the id column of a CSV
// roster, in order of preference: drill's own, then what learning
// platforms' exports call it.
var rosterColumns = []string{"id", "learner", "sid", "student id", "student_id", "username", "login", "email"}

// ReadRoster reads a roster: one learner id a line (blank lines and lines
// starting with # left out), or a CSV file whose header has an id column
// (see rosterColumns), told apart by a comma in the first line. An id
// twice, no id column or no id at all is an error.
func ReadRoster(r io.Reader) (*Roster, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // spreadsheets' byte-order mark
	var lines []string
	for _, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		if l != "" && !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return nil, fmt.Errorf("the roster names no learner")
	}
	var ids []string
	if strings.Contains(lines[0], ",") {
		if ids, err = csvIDs(strings.Join(lines, "\n")); err != nil {
			return nil, err
		}
	} else {
		ids = lines
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[strings.ToLower(id)] {
			return nil, fmt.Errorf("%s is on the roster twice", id)
		}
		seen[strings.ToLower(id)] = true
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("the roster names no learner")
	}
	return &Roster{IDs: ids}, nil
}

func csvIDs(text string) ([]string, error) {
	cr := csv.NewReader(strings.NewReader(text))
	cr.FieldsPerRecord = -1
	records, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("the roster is not CSV drill can read: %w", err)
	}
	col := -1
	for _, want := range rosterColumns {
		col = slices.IndexFunc(records[0], func(h string) bool { return strings.EqualFold(strings.TrimSpace(h), want) })
		if col >= 0 {
			break
		}
	}
	if col < 0 {
		return nil, fmt.Errorf("the roster's header (%s) has no id column: name one %s", strings.Join(records[0], ","), strings.Join(rosterColumns, ", "))
	}
	var ids []string
	for i, rec := range records[1:] {
		if col >= len(rec) || strings.TrimSpace(rec[col]) == "" {
			return nil, fmt.Errorf("the roster's row %d has no %s", i+2, records[0][col])
		}
		ids = append(ids, strings.TrimSpace(rec[col]))
	}
	return ids, nil
}

// match gives each row the roster id its submission stands for (ids
// compared without regard to case), and returns a missing row for each
// learner with none and the submissions that match nobody.
func (ro *Roster) match(rows []Row, ids [][]string) (missing []Row, unmatched []string) {
	byID := map[string]string{}
	for _, id := range ro.IDs {
		byID[strings.ToLower(id)] = id
	}
	found := map[string]bool{}
	for i := range rows {
		rows[i].Learner = "" // a kept row's may be of another roster
		for _, id := range ids[i] {
			if learner, ok := byID[strings.ToLower(id)]; ok {
				rows[i].Learner = learner
				found[learner] = true
				break
			}
		}
		if rows[i].Learner == "" {
			unmatched = append(unmatched, rows[i].Submission)
		}
	}
	for _, id := range ro.IDs {
		if !found[id] {
			missing = append(missing, Row{Submission: id, Learner: id, Status: Missing, Kind: KindMissing, Message: "no submission"})
		}
	}
	return missing, unmatched
}
