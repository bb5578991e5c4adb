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
		if d.claim(ctx, c.Names[0], image) {
			return c.ID
		}
	}
	return ""
}

// claim takes the waiting spare called name, running image, for this
// drill, and says whether it did. The engine decides, so two drills never
// get one spare, whatever their hosts, users or lock files: the spare is
// renamed by its current name to a new name that depends on the spare
// alone. On Docker a second claimant either finds no container of the old
// name (the rename is done) or, if it raced into the engine with the
// first, asks under the container's lock for the name the container
// already has, which Docker refuses ("same name as its current name"). A
// rename by id to a name of one's own would succeed for every claimant,
// and did. Podman (4.3) renames a container to the name it has without a
// word, so there a claimant first takes the spare's claim token
// (claimToken), which only one can.
func (d *Docker) claim(ctx context.Context, name, image string) bool {
	name = strings.TrimPrefix(name, "/")
	newName, ok := claimedName(name)
	if !ok {
		return false
	}
	if d.podman {
		token, ok := d.claimToken(ctx, name, image)
		if !ok {
			return false
		}
		// Once the rename is done or has failed: see claimToken.
		defer d.release(token)
	}
	_, err := d.client.ContainerRename(ctx, name, client.ContainerRenameOptions{NewName: newName})
	return err == nil
}

// claimTokenPrefix starts the name of a spare's claim token on Podman:
// drill-claim-RANDOM, RANDOM the spare's own.
const claimTokenPrefix = "drill-claim-"

// claimToken creates the claim token of the waiting spare called name: a
// container of image named after the spare alone, never started. Podman,
// like Docker, refuses a second container of a name in use, at once and
// under its own lock, so of claimants racing for one spare only one makes
// its token and goes on to the rename. The token is removed once the
// rename is done or has failed (claim): a claimant that makes a token after that
// asks for the spare by a name it no longer has, and is refused. A token
// left by a drill killed in between is a sandbox of a drill that is gone
// (its labels say whose, and when it expires), removed by the next
// drill's clean-up.
func (d *Docker) claimToken(ctx context.Context, name, image string) (id string, ok bool) {
	rest, ok := strings.CutPrefix(name, spareName)
	if !ok || rest == "" {
		return "", false
	}
	created, err := d.client.ContainerCreate(ctx, client.ContainerCreateOptions{
		Name: claimTokenPrefix + rest,
		Config: &container.Config{
			Image:           image,
			Entrypoint:      []string{"/bin/true"},
			NetworkDisabled: true,
			Labels: map[string]string{
				labelSandbox:  "1",
				labelInstance: d.instance.id,
				labelOwner:    d.owner,
				labelDeadline: strconv.FormatInt(time.Now().Add(deadlineSlack).Unix(), 10),
			},
		},
		HostConfig: &container.HostConfig{NetworkMode: "none"},
	})
	if err != nil {
		return "", false
	}
	return created.ID, true
}
