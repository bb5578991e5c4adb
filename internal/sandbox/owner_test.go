package sandbox

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/moby/moby/api/types/container"

	"github.com/drill-dev/drill/internal/filelock"
)

func TestDeadlineOf(t *testing.T) {
	tests := []struct {
		labels map[string]string
		want   int64
		ok     bool
	}{
		{map[string]string{labelDeadline: "1700000000"}, 1700000000, true},
		{map[string]string{}, 0, false},
		{map[string]string{labelDeadline: ""}, 0, false},
		{map[string]string{labelDeadline: "soon"}, 0, false},
		{map[string]string{labelDeadline: "-5"}, 0, false},
		{map[string]string{labelDeadline: "0"}, 0, false},
		{map[string]string{labelDeadline: "1e9"}, 0, false},
		{map[string]string{labelDeadline: "99999999999999999999"}, 0, false},
	}
	for _, tt := range tests {
		got, ok := deadlineOf(tt.labels)
		if ok != tt.ok || ok && got.Unix() != tt.want {
			t.Errorf("deadlineOf(%v) = %v, %v; want %d, %v", tt.labels, got, ok, tt.want, tt.ok)
		}
	}
}

func TestClaimedName(t *testing.T) {
	tests := []struct{ name, want string }{
		{"drill-spare-0a1b2c3d4e5f", "drill-run-0a1b2c3d4e5f"},
		{"/drill-spare-0a1b2c3d4e5f", "drill-run-0a1b2c3d4e5f"},
		{"drill-spare-", ""},
		{"drill-run-0a1b2c3d4e5f", ""},
		{"sleepy_turing", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := claimedName(tt.name)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("claimedName(%q) = %q, %v; want %q", tt.name, got, ok, tt.want)
		}
	}
}

// A drill is known to be gone only by a lock file of its own id, in this
// lock directory, that no one holds.
func TestInstanceGone(t *testing.T) {
	dir := t.TempDir()
	alive := newInstance(dir)
	defer alive.close()
	if alive.unlock == nil || !instanceID.MatchString(alive.id) {
		t.Fatalf("instance %q holds no lock", alive.id)
	}
	if instanceGone(dir, alive.id) {
		t.Error("a live instance was taken for gone")
	}
	// A killed drill leaves its lock file, unheld.
	dead := newInstance(dir)
	dead.unlock()
	if !instanceGone(dir, dead.id) {
		t.Error("a dead instance was not seen as gone")
	}
	if _, err := os.Stat(dead.lockPath); !os.IsNotExist(err) {
		t.Errorf("the dead instance's lock file is left: %v", err)
	}
	// Another host's, another user's: no file here.
	if instanceGone(dir, "0123456789abcdef0123456789abcdef") {
		t.Error("an instance with no lock file here was taken for gone")
	}
	// An id that is not one, even with a file of that name.
	bad := "../x"
	if err := os.WriteFile(filepath.Join(dir, "instance-"+bad+".lock"), nil, 0o600); err == nil && instanceGone(dir, bad) {
		t.Error("a malformed id was taken for gone")
	}
	if instanceGone("", alive.id) {
		t.Error("no lock directory, yet gone")
	}
	// A drill that ends cleanly leaves nothing.
	alive.close()
	if _, err := os.Stat(alive.lockPath); !os.IsNotExist(err) {
		t.Errorf("closed instance's lock file is left: %v", err)
	}
}

func TestRemoveStaleInstanceLocks(t *testing.T) {
	dir := t.TempDir()
	live := newInstance(dir)
	defer live.close()
	dead := newInstance(dir)
	dead.unlock()
	removeStaleInstanceLocks(dir)
	if _, err := os.Stat(dead.lockPath); !os.IsNotExist(err) {
		t.Errorf("a dead instance's lock is left: %v", err)
	}
	if _, err := filelock.TryLock(live.lockPath, false); err != filelock.ErrHeld {
		t.Errorf("a live instance's lock was disturbed: %v", err)
	}
}

// Which sandboxes a clean-up removes, other than waiting spares.
func TestRemovable(t *testing.T) {
	dir := t.TempDir()
	d := &Docker{instance: newInstance(dir), lockDir: dir}
	defer d.instance.close()
	other := newInstance(dir) // another drill of this user and host, alive
	defer other.close()
	dead := newInstance(dir) // one that was killed
	dead.unlock()
	now := time.Now()
	future := strconv.FormatInt(now.Add(time.Hour).Unix(), 10)
	past := strconv.FormatInt(now.Add(-time.Second).Unix(), 10)
	const elsewhere = "0123456789abcdef0123456789abcdef" // another host's or user's
	running, exited := container.StateRunning, container.StateExited
	old := now.Add(-time.Hour).Unix()
	var never time.Time
	longAgo, justNow := now.Add(-2*stoppedFor), now.Add(-time.Second)
	tests := []struct {
		name    string
		labels  map[string]string
		state   container.ContainerState
		stopped time.Time
		scope   CleanScope
		want    bool
	}{
		{"past its deadline", map[string]string{labelInstance: other.id, labelDeadline: past}, running, never, Orphans, true},
		{"another host's, live", map[string]string{labelInstance: elsewhere, labelDeadline: future}, running, never, Orphans, false},
		{"another host's, live, drill clean", map[string]string{labelInstance: elsewhere, labelDeadline: future}, running, never, Leftovers, false},
		{"another host's, stopped, before its deadline", map[string]string{labelInstance: elsewhere, labelDeadline: future}, exited, never, Leftovers, false},
		{"another live drill's here", map[string]string{labelInstance: other.id, labelDeadline: future}, running, never, Orphans, false},
		{"my own", map[string]string{labelInstance: d.instance.id, labelDeadline: future}, running, never, Orphans, false},
		{"a killed drill's here", map[string]string{labelInstance: dead.id, labelDeadline: future}, running, never, Orphans, true},
		{"a spare claimed from a killed drill", map[string]string{labelInstance: dead.id, labelDeadline: future, labelSpare: "img"}, running, never, Orphans, false},
		{"a claimed spare past its deadline", map[string]string{labelInstance: dead.id, labelDeadline: past, labelSpare: "img"}, running, never, Orphans, true},
		{"a live one with --all", map[string]string{labelInstance: other.id, labelDeadline: future}, running, never, All, true},
		{"before deadlines, running", map[string]string{labelOwner: "h:1"}, running, never, Leftovers, false},
		{"before deadlines, stopped", map[string]string{labelOwner: "h:1"}, exited, never, Leftovers, true},
		{"before deadlines, stopped, sweep", map[string]string{labelOwner: "h:1"}, exited, never, Orphans, false},
		{"a claimed spare stopped long ago, sweep", map[string]string{labelInstance: dead.id, labelDeadline: future, labelSpare: "img"}, exited, longAgo, Orphans, true},
		{"a claimed spare just stopped", map[string]string{labelInstance: dead.id, labelDeadline: future, labelSpare: "img"}, exited, justNow, Leftovers, false},
		{"another host's, stopped long ago", map[string]string{labelInstance: elsewhere, labelDeadline: future}, exited, longAgo, Leftovers, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := d.removable(tt.labels, tt.state, old, tt.stopped, tt.scope, now, map[string]bool{}); got != tt.want {
				t.Errorf("removable = %v, want %v", got, tt.want)
			}
		})
	}
}
