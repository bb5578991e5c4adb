package sandbox

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/moby/moby/api/types/container"
	"github.com/moby/moby/client"

	"github.com/drill-dev/drill/internal/filelock"
)

// A spare is a sandbox made ahead of time: created and started with the
// harness waiting for its job, Python and pytest already imported. It has
// never run learner code and carries every hardening item of any sandbox.
// A drill leaves one ready after each check, for the next check on this
// host; it expires by itself (the harness's watchdog ends it) and drill
// clean removes it.
const (
	labelSpare   = "dev.drill.spare"   // the image the spare runs
	labelExpires = "dev.drill.expires" // unix time after which it is not used
	spareName    = "drill-spare-"      // names of spares waiting for a job
	claimedName  = "drill-run-"        // drill-run-HOST-PID-RANDOM: a spare in use
	// DefaultSpareTTL is how long a spare waits for a job.
	DefaultSpareTTL = 5 * time.Minute
	// maxJobTime is how long a spare lives past its expiry, so that a job
	// claiming it then still has the longest time limit a bank allows
	// (takeSpare checks a longer job against it).
	maxJobTime = 10 * time.Minute
)

// spareTTL is how long spares wait: DRILL_SPARE_TTL (a duration, or 0 for
// no spares) or DefaultSpareTTL.
func spareTTL() time.Duration {
	if d, err := time.ParseDuration(os.Getenv("DRILL_SPARE_TTL")); err == nil {
		return d
	}
	return DefaultSpareTTL
}

// prepareSpare starts a spare for image in the background, unless this
// drill is making one already; Close waits for it. A spare that cannot be
// made is no loss: the next job creates its sandbox as usual.
func (d *Docker) prepareSpare(image string) {
	ttl := d.spareTTL
	if ttl <= 0 {
		return
	}
	d.spareMu.Lock()
	if d.making[image] != nil {
		d.spareMu.Unlock()
		return
	}
	made := make(chan struct{})
	d.making[image] = made
	d.spareMu.Unlock()
	d.inBackground(func(ctx context.Context) {
		defer func() {
			d.spareMu.Lock()
			delete(d.making, image)
			d.spareMu.Unlock()
			close(made)
		}()
		created, err := d.create(ctx, spareName+randomHex(), image, ttl+maxJobTime, map[string]string{
			labelSpare:   image,
			labelExpires: strconv.FormatInt(time.Now().Add(ttl).Unix(), 10),
		})
		if err != nil {
			return
		}
		if _, err := d.client.ContainerStart(ctx, created.ID, client.ContainerStartOptions{}); err != nil {
			d.remove(created.ID)
		}
	})
}

// takeSpare claims an unexpired spare running image that will outlive a
// job of this time limit, and returns its id, or "" if there is none. A spare this drill
// is still making is waited for: it is further along than a new sandbox
// would be. Claiming renames the spare, under a lock that every drill on
// this host takes, so that no spare is claimed twice.
func (d *Docker) takeSpare(ctx context.Context, image string, limit time.Duration) string {
	if d.spareTTL <= 0 {
		return ""
	}
	d.spareMu.Lock()
	made := d.making[image]
	d.spareMu.Unlock()
	if made != nil {
		select {
		case <-made:
		case <-ctx.Done():
			return ""
		}
	}
	unlock, err := lockSpares()
	if err != nil {
		return ""
	}
	defer unlock()
	list, err := d.client.ContainerList(ctx, client.ContainerListOptions{
		Filters: make(client.Filters).Add("label", labelSpare+"="+image).Add("name", spareName),
	})
	if err != nil {
		return ""
	}
	for _, c := range list.Items {
		// A spare is not used once expired, nor for a job that would
		// outlast its watchdog (maxJobTime past its expiry).
		expires, err := strconv.ParseInt(c.Labels[labelExpires], 10, 64)
		left := time.Until(time.Unix(expires, 0))
		if err != nil || left <= 0 || left+maxJobTime < limit || c.State != container.StateRunning {
			continue
		}
		name := claimedName + hostLabel(d.host) + "-" + strconv.Itoa(os.Getpid()) + "-" + randomHex()
		if _, err := d.client.ContainerRename(ctx, c.ID, client.ContainerRenameOptions{NewName: name}); err != nil {
			continue
		}
		return c.ID
	}
	return ""
}

// claimedOwner reads HOST and PID out of a claimed spare's name.
func claimedOwner(name string) (host string, pid int, ok bool) {
	rest, found := strings.CutPrefix(strings.TrimPrefix(name, "/"), claimedName)
	if !found {
		return "", 0, false
	}
	parts := strings.Split(rest, "-")
	if len(parts) < 3 {
		return "", 0, false
	}
	pid, err := strconv.Atoi(parts[len(parts)-2])
	if err != nil {
		return "", 0, false
	}
	return strings.Join(parts[:len(parts)-2], "-"), pid, true
}

var notNameChars = regexp.MustCompile(`[^a-zA-Z0-9_.]`)

// hostLabel is the host name as container names allow it.
func hostLabel(host string) string { return notNameChars.ReplaceAllString(host, "_") }

func randomHex() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// lockSpares takes the lock that every drill of this user on this host
// takes to claim or remove spares.
func lockSpares() (unlock func(), err error) {
	return filelock.Lock(filepath.Join(os.TempDir(), fmt.Sprintf("drill-spares-%d.lock", os.Getuid())))
}
