package sandbox

import (
	"context"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/containerd/errdefs"
	"github.com/moby/moby/client"
)

// newDrill opens the engine as a drill of its own would: its own instance,
// and its own lock directory (another user, host or HOME).
func newDrill(t *testing.T) *Docker {
	t.Helper()
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	return newDocker(t)
}

// Two drills that share no lock (different lock directories) race for
// each spare: never do both get it. The engine decides: on Docker the
// rename that claims a spare goes through once; Podman renames a container
// to the name it already has, and there the claim token decides (without
// it, both drills got one spare in 3 of 12 rounds on Podman 4.3).
// .ci/podman runs this test against Podman.
func TestDockerSpareClaimedOnce(t *testing.T) {
	t.Setenv("DRILL_SPARE_TTL", "5m")
	maker, a, b := newDrill(t), newDrill(t), newDrill(t)
	ctx := context.Background()
	image, err := maker.images.Ensure(ctx, "python")
	if err != nil {
		t.Fatal(err)
	}
	claimed := 0
	for round := range 12 {
		maker.prepareSpare(image)
		maker.pending.Wait()
		start := make(chan struct{})
		ids := make([]string, 2)
		var wg sync.WaitGroup
		for i, d := range []*Docker{a, b} {
			wg.Go(func() {
				<-start
				ids[i] = d.takeSpare(ctx, image, time.Second)
			})
		}
		close(start)
		wg.Wait()
		if ids[0] != "" && ids[0] == ids[1] {
			t.Errorf("round %d: both drills claimed spare %s", round, ids[0][:12])
		}
		for _, id := range ids {
			if id != "" {
				claimed++
				maker.remove(id)
			}
		}
	}
	// Another drill on the engine may take a spare now and then; if none
	// was ever claimed here, the test proved nothing.
	if claimed == 0 {
		t.Error("no spare was claimed in any round")
	}
	_, _ = maker.Clean(ctx, Leftovers)
}

// Another drill removes a sandbox past its deadline, and not a live one
// of a drill it cannot see; a drill of the same user and host that was
// killed is seen by its unheld instance lock, and its sandboxes go at once.
func TestDockerOrphansByDeadline(t *testing.T) {
	owner := newDrill(t)
	ctx := context.Background()
	image, err := owner.images.Ensure(ctx, "python")
	if err != nil {
		t.Fatal(err)
	}
	start := func(labels map[string]string) string {
		t.Helper()
		c, err := owner.create(ctx, "", image, time.Minute, labels)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { owner.remove(c.ID) })
		if _, err := owner.client.ContainerStart(ctx, c.ID, client.ContainerStartOptions{}); err != nil {
			t.Fatal(err)
		}
		return c.ID
	}
	exists := func(id string) bool {
		_, err := owner.client.ContainerInspect(ctx, id, client.ContainerInspectOptions{})
		if err != nil && !errdefs.IsNotFound(err) {
			t.Fatal(err)
		}
		return err == nil
	}
	expired := start(map[string]string{labelDeadline: strconv.FormatInt(time.Now().Add(-time.Second).Unix(), 10)})
	live := start(nil)

	stranger := newDrill(t) // another lock directory: another user or host
	for _, scope := range []CleanScope{Orphans, Leftovers} {
		if _, err := stranger.Clean(ctx, scope); err != nil {
			t.Fatal(err)
		}
		if exists(expired) {
			t.Errorf("scope %d: a sandbox past its deadline was left", scope)
		}
		if !exists(live) {
			t.Fatalf("scope %d: another drill's live sandbox was removed", scope)
		}
	}

	// The owner is killed: its lock is no longer held, its file stays.
	owner.instance.unlock()
	neighbour := newDocker(t) // the owner's lock directory, still set
	neighbour.lockDir = owner.lockDir
	if _, err := neighbour.Clean(ctx, Orphans); err != nil {
		t.Fatal(err)
	}
	if exists(live) {
		t.Error("the sandbox of a killed drill of this user and host was left")
	}
}
