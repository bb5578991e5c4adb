package sandbox

import (
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/drill-dev/drill/internal/filelock"
)

// Labels on every sandbox container. Which drill made a sandbox, and until
// when it may be in use, are facts the engine keeps, so that any drill on
// any host can decide about a sandbox another left.
const (
	labelSandbox = "dev.drill.sandbox"
	// labelInstance is the random id of the drill process that made it.
	labelInstance = "dev.drill.instance"
	// labelDeadline is the unix time (seconds) after which the sandbox is
	// past any use: its in-container watchdog has ended it by then.
	labelDeadline = "dev.drill.deadline"
	// labelOwner is host:pid of the drill that made it, for people reading
	// docker ps; nothing is decided by it (pids and host names repeat).
	labelOwner = "dev.drill.owner"
	// labelMadeBy is host:pid of the drill that made a spare, for people.
	labelMadeBy = "dev.drill.made-by"
)

// deadlineSlack is how long past its watchdog's time a sandbox's deadline
// falls: room for an engine that starts it late.
const deadlineSlack = time.Minute

// watchdogAfter is how long after its job arrives (or, for the lifetime of
// a sandbox, after it starts) the in-container watchdog ends a sandbox
// whose time limit is limit: late enough that drill's own timer fires
// first while drill lives.
func watchdogAfter(limit time.Duration) time.Duration { return limit + 5*time.Second }

// watchdogCPU is the CPU time (of the whole sandbox, from the jobs'
// arrival) after which the in-container watchdog ends a sandbox running
// jobs: their time limits, a second each for forking, unpacking and
// collecting, and the margin of watchdogAfter. The harness stops each job
// at its own limit first, unless the job's code stopped the harness (it
// runs under the same uid); the watchdog runs as root.
func watchdogCPU(jobs []Job) time.Duration {
	var cpu time.Duration
	for _, job := range jobs {
		cpu += job.TimeLimit + time.Second
	}
	return watchdogAfter(cpu)
}

var instanceID = regexp.MustCompile(`^[0-9a-f]{32}$`)

// instance is one drill process as its sandboxes name it.
type instance struct {
	id string
	// unlock releases, and lockPath names, the lock this process holds for
	// as long as it runs, by which drills of the same user and host see
	// that it is alive ("" and nil when the lock directory is unusable).
	unlock   func()
	lockPath string
}

// newInstance draws a fresh instance id and holds its lock in dir ("" for
// none).
func newInstance(dir string) instance {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	in := instance{id: hex.EncodeToString(b)}
	if dir == "" {
		return in
	}
	path := instanceLock(dir, in.id)
	if unlock, err := filelock.TryLock(path, true); err == nil {
		in.unlock, in.lockPath = unlock, path
	}
	return in
}

// close removes the instance's lock file and then releases it.
func (in instance) close() {
	if in.unlock != nil {
		_ = os.Remove(in.lockPath)
		in.unlock()
	}
}

func instanceLock(dir, id string) string { return filepath.Join(dir, "instance-"+id+".lock") }

// instanceGone says whether the drill of instance id is known to have
// ended: its lock file is in dir and no one holds it. A drill of another
// user, host or lock directory is never known to have ended; its
// sandboxes wait for their deadline. When gone, the lock file is removed.
func instanceGone(dir, id string) bool {
	if dir == "" || !instanceID.MatchString(id) {
		return false
	}
	path := instanceLock(dir, id)
	unlock, err := filelock.TryLock(path, false)
	if err != nil {
		return false
	}
	defer unlock()
	_ = os.Remove(path)
	return true
}

// removeStaleInstanceLocks removes the lock files in dir of drills that
// ended without removing theirs (killed) and left no sandbox.
func removeStaleInstanceLocks(dir string) {
	if dir == "" {
		return
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		id, ok := strings.CutPrefix(e.Name(), "instance-")
		if id, ok = strings.CutSuffix(id, ".lock"); ok && e.Type().IsRegular() {
			instanceGone(dir, id)
		}
	}
}

// deadlineOf reads a sandbox's deadline label; ok is false when it has
// none that parses (a sandbox of a drill from before deadlines).
func deadlineOf(labels map[string]string) (time.Time, bool) {
	s, found := labels[labelDeadline]
	if !found {
		return time.Time{}, false
	}
	secs, err := strconv.ParseInt(s, 10, 64)
	if err != nil || secs <= 0 {
		return time.Time{}, false
	}
	return time.Unix(secs, 0), true
}

// claimedName is the name a waiting spare called name takes when a drill
// claims it: a function of the spare alone, so that every drill that tries
// to claim one spare asks for the same new name, and the engine lets only
// the first rename through (see takeSpare). ok is false for a name that is
// not a waiting spare's.
func claimedName(name string) (string, bool) {
	rest, ok := strings.CutPrefix(strings.TrimPrefix(name, "/"), spareName)
	if !ok || rest == "" {
		return "", false
	}
	return claimedPrefix + rest, true
}

func randomHex() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
