package sandbox

import (
	"context"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/moby/moby/api/types/container"
	"github.com/moby/moby/client"
)

// A spare is a sandbox made ahead of time: created and started with the
// harness waiting for its job, Python and pytest already imported. It has
// never run learner code and carries every hardening item of any sandbox.
// A drill leaves one ready after each check, for the next check of any
// drill on the engine; it expires by itself (the watchdog ends it) and
// drill clean removes it.
const (
	labelSpare   = "dev.drill.spare"   // the image the spare runs
	labelExpires = "dev.drill.expires" // unix time after which it is not used
	spareName    = "drill-spare-"      // drill-spare-RANDOM: waiting for a job
	// claimedPrefix starts the name of a claimed spare: drill-run-RANDOM,
	// RANDOM the spare's own (see claimedName).
	claimedPrefix = "drill-run-"
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
// job of this time limit, and returns its id, or "" if there is none. A
// spare this drill is still making is waited for: it is further along
// than a new sandbox would be.
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
		if err != nil || left <= 0 || left+maxJobTime < limit || c.State != container.StateRunning || len(c.Names) == 0 {
			continue
		}
		if d.claim(ctx, c.Names[0]) {
			return c.ID
		}
	}
	return ""
}

// claim takes the waiting spare called name for this drill, and says
// whether it did. The engine decides, so two drills never get one spare,
// whatever their hosts, users or lock files: the spare is renamed by its
// current name to a new name that depends on the spare alone. A second
// claimant either finds no container of the old name (the rename is done)
// or, if it raced into the engine with the first, asks under the
// container's lock for the name the container already has, which the
// engine refuses ("same name as its current name"). A rename by id to a
// name of one's own would succeed for every claimant, and did.
func (d *Docker) claim(ctx context.Context, name string) bool {
	name = strings.TrimPrefix(name, "/")
	newName, ok := claimedName(name)
	if !ok {
		return false
	}
	_, err := d.client.ContainerRename(ctx, name, client.ContainerRenameOptions{NewName: newName})
	return err == nil
}
