package sandbox

import (
	"archive/tar"
	"bytes"
	"context"
	"fmt"
	"io"
	"maps"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/containerd/errdefs"
	"github.com/moby/moby/api/pkg/stdcopy"
	"github.com/moby/moby/api/types/container"
	"github.com/moby/moby/client"

	"github.com/drill-dev/drill/internal/filelock"
	"github.com/drill-dev/drill/internal/wire"
)

// The sandbox's directories (tmpfs mounts): workDir, the learner's files
// and the learner process's cwd, the learner's alone; judgeDir, the hidden
// tests and the judge's cwd, the judge's alone; serviceDir, the servers'
// data, sockets and logs (in an image with services), theirs to write and
// everyone's to read; /tmp, shared and sticky.
const (
	workDir    = "/work"
	judgeDir   = "/judge"
	serviceDir = "/srv"
)

// The sandbox starts as root with three capabilities, for its watchdog
// alone (sandbox/harness/watchdog): KILL to end every process at the
// deadline, SETUID and SETGID to start the harness as the image's "judge"
// and its zygote as its "learner", each with no capabilities at all.
// Neither uid can signal or trace a root process, so learner code cannot
// stop the watchdog, nor, being another uid, reach the judge; see
// sandbox/README.md.
const (
	containerUser = "0:0"
	watchdogPath  = "/opt/drill/watchdog"
	judgeUID      = 10001
	learnerUID    = 10002
	serviceUID    = 10003
)

var watchdogCaps = []string{"KILL", "SETUID", "SETGID"}

// Docker runs jobs in containers of a Docker engine.
type Docker struct {
	client *client.Client
	images *Images
	limits Limits
	// podman: the engine is Podman's Docker-compatible service, which
	// takes no uid= on a tmpfs (see hostConfig).
	podman bool
	// spareTTL is how long the spare left for the next job waits for it;
	// 0 for none.
	spareTTL time.Duration
	// instance is this drill process as its sandboxes' labels name it;
	// lockDir is where drills of this user and host hold the locks that
	// say they are alive ("" if it cannot be used).
	instance instance
	lockDir  string
	owner    string // host:pid, for people (labelOwner)
	sweep    sync.Once
	// pending counts work that outlives a Run (removing its sandbox,
	// preparing a spare); Close waits for it.
	pending sync.WaitGroup
	spareMu sync.Mutex
	// making holds, by image, a channel closed when the spare this drill
	// is making is started (or has failed).
	making map[string]chan struct{}
}

// NewDocker connects to the engine the environment names, as the docker
// CLI finds it (DOCKER_HOST and friends, else the current docker context;
// see ResolveEndpoint), and checks that it answers. progress receives what
// an image build prints.
func NewDocker(ctx context.Context, progress io.Writer) (*Docker, error) {
	ep, err := ResolveEndpoint(ThisMachine())
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	opts, err := ep.clientOptions()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	c, err := client.New(opts...)
	if err != nil {
		return nil, fmt.Errorf("%w: docker client: %v", ErrUnavailable, err)
	}
	pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if _, err := c.Ping(pctx, client.PingOptions{NegotiateAPIVersion: true}); err != nil {
		c.Close()
		return nil, fmt.Errorf("%w: cannot reach the Docker engine at %s (is Docker running?): %v", ErrUnavailable, ep, err)
	}
	// Which engine it is changes only how a sandbox is asked for; an
	// engine that will not say is taken for Docker.
	version, _ := c.ServerVersion(pctx, client.ServerVersionOptions{})
	host, _ := os.Hostname()
	// Without a private lock directory this drill's sandboxes are removed
	// by others only after their deadline, which is no worse than safe.
	lockDir, _ := filelock.Dir()
	return &Docker{
		client: c, images: NewImages(c, progress), limits: DefaultLimits, podman: isPodman(version),
		instance: newInstance(lockDir), lockDir: lockDir, owner: host + ":" + strconv.Itoa(os.Getpid()),
		spareTTL: spareTTL(),
		making:   map[string]chan struct{}{},
	}, nil
}

// BuildImages makes sure the runtimes' images exist, building the missing
// ones, or all of them when force is set, removes those of older recipes,
// and returns their tags.
func (d *Docker) BuildImages(ctx context.Context, runtimes []string, force bool) ([]string, error) {
	var tags []string
	for _, rt := range runtimes {
		build := d.images.Ensure
		if force {
			build = d.images.Build
		}
		tag, err := build(ctx, rt)
		if err != nil {
			return tags, err
		}
		tags = append(tags, tag)
	}
	d.images.Prune(ctx, runtimes)
	return tags, nil
}

// Close waits for sandboxes to be removed and spares to be ready, then
// releases the connection to the engine and this drill's instance lock.
func (d *Docker) Close() error {
	d.pending.Wait()
	d.instance.close()
	return d.client.Close()
}

// Run implements Runner. The job is a batch of one: the harness runs it in
// a child and keeps its time, as for every job. If the harness did not
// report on it, the Outcome is the sandbox's own: its exit code, what the
// harness printed, and whether drill had to stop it.
func (d *Docker) Run(ctx context.Context, job Job) (Outcome, error) {
	outcomes, done, out, err := d.runJobs(ctx, []Job{job})
	if err != nil {
		return Outcome{}, err
	}
	if done[0] {
		return outcomes[0], nil
	}
	if msg := servicesFailure(out); msg != "" {
		return Outcome{}, fmt.Errorf("%w: %s", ErrUnavailable, msg)
	}
	out.Stdout = nil
	return out, nil
}

// streamCaps are the bytes of a sandbox's standard output and error kept
// before it is killed for printing too much.
type streamCaps struct{ stdout, stderr int }

// runInput runs a sandbox of the runtime's image, a spare if there is one,
// feeds it input, and enforces the time limit and caps.
func (d *Docker) runInput(ctx context.Context, runtime string, input []byte, limit, cpu time.Duration, caps streamCaps) (Outcome, error) {
	// What killed drills left is removed beside this job, not before it.
	d.sweep.Do(func() { d.inBackground(func(ctx context.Context) { _, _ = d.Clean(ctx, Orphans) }) })
	image, err := d.images.Ensure(ctx, runtime)
	if err != nil {
		return Outcome{}, err
	}
	// The watchdog reads the job's times first (wall clock, CPU), whether
	// the sandbox was made for the job or is a spare made long before it.
	input = append(wire.WatchdogLine(watchdogAfter(limit), cpu), input...)

	// A spare is started already; only a new sandbox needs starting.
	if id := d.takeSpare(ctx, image, limit); id != "" {
		defer d.release(id)
		d.prepareSpare(image)
		return d.run(ctx, id, true, input, limit, caps)
	}

	// Creation is not cancelled with ctx: a create that the engine carries
	// out after drill stopped listening would leave a container no one
	// knows the id of. A cancelled ctx is seen right after.
	create := func(image string) (client.ContainerCreateResult, error) {
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
		defer cancel()
		return d.create(cctx, "", image, limit, nil)
	}
	created, err := create(image)
	if errdefs.IsNotFound(err) {
		// The image was deleted since this drill found it: build it again.
		d.images.forget(runtime)
		if image, err = d.images.Ensure(ctx, runtime); err != nil {
			return Outcome{}, err
		}
		created, err = create(image)
	}
	if err != nil {
		if ctx.Err() != nil {
			return Outcome{}, ctx.Err()
		}
		return Outcome{}, fmt.Errorf("%w: create sandbox: %v", ErrUnavailable, err)
	}
	// The container goes on every path out of here, a panic included, and
	// even when ctx is already cancelled.
	defer d.release(created.ID)
	if ctx.Err() != nil {
		return Outcome{}, ctx.Err()
	}
	// The next job's sandbox is made while this one runs.
	d.prepareSpare(image)
	return d.run(ctx, created.ID, false, input, limit, caps)
}

// release removes a used sandbox without making the caller wait; Close
// waits for it.
func (d *Docker) release(id string) {
	d.inBackground(func(context.Context) { d.remove(id) })
}

// inBackground runs fn without making the caller wait, on a context of its
// own (the caller's may be cancelled: Ctrl-C); Close waits for it.
func (d *Docker) inBackground(fn func(ctx context.Context)) {
	d.pending.Add(1)
	go func() {
		defer d.pending.Done()
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		fn(ctx)
	}()
}

// create makes a sandbox container of image, named name (or as the engine
// likes, for ""), labelled as drill's, with its deadline, and with labels.
// The in-container watchdog ends it a little after lifetime from its
// start, and a little after its job's time limit from the job's arrival,
// even if this drill dies and whatever the job's code does.
func (d *Docker) create(ctx context.Context, name, image string, lifetime time.Duration, labels map[string]string) (client.ContainerCreateResult, error) {
	watchdog := watchdogAfter(lifetime)
	cfg := &container.Config{
		Image: image,
		User:  containerUser,
		// Each of the harness and the zygote goes to its own directory;
		// neither can enter the other's.
		WorkingDir:      "/",
		Entrypoint:      []string{"/bin/sh", watchdogPath, strconv.FormatInt(wire.WholeSeconds(watchdog), 10)},
		AttachStdin:     true,
		AttachStdout:    true,
		AttachStderr:    true,
		OpenStdin:       true,
		StdinOnce:       true,
		NetworkDisabled: true,
		Labels: map[string]string{
			labelSandbox:  "1",
			labelInstance: d.instance.id,
			labelDeadline: strconv.FormatInt(time.Now().Add(watchdog+deadlineSlack).Unix(), 10),
		},
	}
	maps.Copy(cfg.Labels, labels)
	// A drill from before instance ids takes a sandbox whose owner's pid is
	// gone for an orphan and removes it; a spare outlives its maker, and
	// another drill may be using it, so its maker has a label of its own.
	if _, spare := labels[labelSpare]; spare {
		cfg.Labels[labelMadeBy] = d.owner
	} else {
		cfg.Labels[labelOwner] = d.owner
	}
	return d.client.ContainerCreate(ctx, client.ContainerCreateOptions{Name: name, Config: cfg, HostConfig: d.hostConfig()})
}

// isPodman reports whether the engine that answered `version` is Podman's
// Docker-compatible service (it names its first component "Podman Engine",
// Docker "Engine").
func isPodman(v client.ServerVersionResult) bool {
	for _, c := range v.Components {
		if strings.HasPrefix(c.Name, "Podman") {
			return true
		}
	}
	return false
}

func (d *Docker) hostConfig() *container.HostConfig {
	l := d.limits
	pids := l.Pids
	init := true
	// private is a tmpfs of uid's alone; shared one open to every user,
	// sticky (each removes only its own).
	private := func(size string, uid int, exec string) string {
		return fmt.Sprintf("rw,nosuid,nodev,%s,size=%s,uid=%d,gid=%d,mode=0700", exec, size, uid, uid)
	}
	shared := func(size string) string { return "rw,nosuid,nodev,exec,size=" + size + ",mode=1777" }
	tmpfs := map[string]string{
		workDir:  private(l.WorkSize, learnerUID, "exec"),
		judgeDir: private(l.JudgeSize, judgeUID, "noexec"),
		// Every sandbox has it: a spare is made before its image's servers
		// are known to the code that makes it, and an empty tmpfs costs
		// nothing.
		serviceDir: fmt.Sprintf("rw,nosuid,nodev,noexec,size=%s,uid=%d,gid=%d,mode=0755", l.ServiceSize, serviceUID, serviceUID),
		"/tmp":     shared(l.TmpSize),
	}
	ulimits := []*container.Ulimit{
		{Name: "nofile", Soft: 256, Hard: 256},
		{Name: "core", Soft: 0, Hard: 0},
	}
	if d.podman {
		// Podman (4.3, Debian 12's) refuses uid= and gid= on a tmpfs, so
		// there each root-owned tmpfs is open to every user of the sandbox,
		// sticky as /tmp is. The judge then makes a directory of its own,
		// mode 0700, in /judge before any learner code runs
		// (procs.judge_dir); the learner's files in /work are the
		// learner's.
		for dir, size := range map[string]string{workDir: l.WorkSize, judgeDir: l.JudgeSize, serviceDir: l.ServiceSize} {
			tmpfs[dir] = shared(size)
		}
		// With a read-only root, Podman mounts tmpfs of its own on /run
		// (root's, mode 0755) and /var/tmp (open to every user, as large as
		// the memory limit, never emptied between a batch's jobs) where it
		// is not given one. On Docker /var/tmp is the image's, read-only as
		// all the root: so it is here.
		tmpfs["/var/tmp"] = "ro,nosuid,nodev,noexec,size=4k"
		// Podman asks for an nproc limit above the hard limit of a machine
		// like this one, and the container does not start ("error setting
		// rlimit type 6"); Docker leaves the engine's own. nproc counts a
		// uid's processes on the whole machine, and the sandbox's own are
		// bounded by PidsLimit, so this is only high enough never to matter.
		ulimits = append(ulimits, &container.Ulimit{Name: "nproc", Soft: 4096, Hard: 4096})
	}
	return &container.HostConfig{
		NetworkMode:    "none",
		ReadonlyRootfs: true,
		Tmpfs:          tmpfs,
		CapDrop:        []string{"ALL"},
		CapAdd:         watchdogCaps,
		SecurityOpt:    []string{"no-new-privileges"},
		Init:           &init,
		// Output reaches drill through the attached streams; a log file on
		// the engine's disk would let a flood of output fill it.
		LogConfig: container.LogConfig{Type: "none"},
		Resources: container.Resources{
			Memory:     l.MemoryBytes,
			MemorySwap: l.MemoryBytes,
			NanoCPUs:   l.NanoCPUs,
			PidsLimit:  &pids,
			Ulimits:    ulimits,
		},
	}
}

// run attaches to the created container, starts it, streams the job in and
// the output out, and enforces the time and output limits.
func (d *Docker) run(ctx context.Context, id string, started bool, input []byte, limit time.Duration, caps streamCaps) (Outcome, error) {
	att, err := d.client.ContainerAttach(ctx, id, client.ContainerAttachOptions{Stream: true, Stdin: true, Stdout: true, Stderr: true})
	if err != nil {
		if ctx.Err() != nil {
			return Outcome{}, ctx.Err()
		}
		return Outcome{}, fmt.Errorf("%w: attach to sandbox: %v", ErrUnavailable, err)
	}
	defer att.Close()

	flood := make(chan struct{})
	var once sync.Once
	over := func() { once.Do(func() { close(flood) }) }
	stdout := &capped{max: caps.stdout, over: over}
	stderr := &capped{max: caps.stderr, over: over}

	start := time.Now()
	if !started {
		if _, err := d.client.ContainerStart(ctx, id, client.ContainerStartOptions{}); err != nil {
			if ctx.Err() != nil {
				return Outcome{}, ctx.Err()
			}
			return Outcome{}, fmt.Errorf("%w: start sandbox: %v", ErrUnavailable, err)
		}
	}
	// A job that ends before reading its input makes this write fail; what
	// the job printed says why, so the error is not ours to report.
	go func() {
		_, _ = att.Conn.Write(input)
		_ = att.CloseWrite()
	}()
	copied := make(chan error, 1)
	go func() {
		_, err := stdcopy.StdCopy(stdout, stderr, att.Reader)
		copied <- err
	}()

	timer := time.NewTimer(limit)
	defer timer.Stop()
	var out Outcome
	select {
	case <-copied:
	case <-timer.C:
		out.WallExceeded = true
	case <-flood:
		out.OutputExceeded = true
	case <-ctx.Done():
	}
	if out.WallExceeded || out.OutputExceeded || ctx.Err() != nil {
		d.kill(id)
	}
	if ctx.Err() != nil {
		return Outcome{}, ctx.Err()
	}
	out.Duration = time.Since(start)

	// The stream has ended or the container was killed: wait for the exit
	// so the state below is final.
	wctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	wait := d.client.ContainerWait(wctx, id, client.ContainerWaitOptions{Condition: container.WaitConditionNotRunning})
	select {
	case <-wait.Result:
	case err := <-wait.Error:
		return Outcome{}, fmt.Errorf("%w: wait for sandbox: %v", ErrUnavailable, err)
	}
	info, err := d.client.ContainerInspect(wctx, id, client.ContainerInspectOptions{})
	if err != nil {
		return Outcome{}, fmt.Errorf("%w: inspect sandbox: %v", ErrUnavailable, err)
	}
	if st := info.Container.State; st != nil {
		out.ExitCode = st.ExitCode
		out.OOMKilled = st.OOMKilled
	}
	out.Stdout, _ = stdout.result()
	out.Stderr, _ = stderr.result()
	return out, nil
}

// kill stops the container at once; it must work after ctx is cancelled.
func (d *Docker) kill(id string) {
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	_, _ = d.client.ContainerKill(ctx, id, client.ContainerKillOptions{Signal: "KILL"})
}

// remove deletes the container whatever state it is in. It runs on a fresh
// context, because the usual reason to be here is that the caller's context
// was cancelled (Ctrl-C).
func (d *Docker) remove(id string) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	// An engine that is still starting the container (a start cancelled
	// by Ctrl-C), or is slow under load, can refuse a removal for a moment.
	for range 5 {
		_, err := d.client.ContainerRemove(ctx, id, client.ContainerRemoveOptions{Force: true, RemoveVolumes: true})
		if err == nil || errdefs.IsNotFound(err) || ctx.Err() != nil {
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Second):
		}
	}
}

// Which sandbox containers a clean-up removes. Whatever the scope, a
// sandbox in use by a live drill is removed only after its deadline (or
// with All): drills on other hosts, or of other users, share the engine.
type CleanScope int

const (
	// Orphans: sandboxes past their deadline, expired spares, and those of
	// a drill of this user on this host that is gone (killed with SIGKILL;
	// seen by its instance lock). Safe while other drills run: each new
	// drill sweeps these.
	Orphans CleanScope = iota
	// Leftovers: orphans, every spare waiting for a job, and sandboxes of
	// drills from before deadlines that are not running.
	Leftovers
	// All: every sandbox container, including those in use.
	All
)

// Clean removes the sandbox containers in scope and returns how many.
func (d *Docker) Clean(ctx context.Context, scope CleanScope) (int, error) {
	list, err := d.client.ContainerList(ctx, client.ContainerListOptions{
		All:     true,
		Filters: make(client.Filters).Add("label", labelSandbox),
	})
	if err != nil {
		return 0, fmt.Errorf("%w: list sandboxes: %v", ErrUnavailable, err)
	}
	now := time.Now()
	gone := map[string]bool{}
	n := 0
	for _, c := range list.Items {
		name := ""
		if len(c.Names) > 0 {
			name = strings.TrimPrefix(c.Names[0], "/")
		}
		if _, waiting := claimedName(name); waiting {
			// A spare waiting for a job is in no one's use. It is claimed
			// like any spare before it is removed, so that a drill that
			// claims it first keeps it. (One of another version of drill is
			// left to expire: that drill may use it.)
			expires, err := strconv.ParseInt(c.Labels[labelExpires], 10, 64)
			expired := err != nil || now.Unix() > expires
			if (expired || scope != Orphans) && d.claim(ctx, name, c.Image) {
				d.remove(c.ID)
				n++
			}
			continue
		}
		if d.removable(c.Labels, c.State, c.Created, d.stoppedAt(ctx, c.ID, c.State), scope, now, gone) {
			d.remove(c.ID)
			n++
		}
	}
	removeStaleInstanceLocks(d.lockDir)
	return n, nil
}

// stoppedFor is how long a sandbox has stopped before no drill can still
// be reading its exit: its owner inspects it the moment it stops (waiting
// 30 s at most) and then removes it.
const stoppedFor = time.Minute

// stoppedAt is when the sandbox id stopped, or the zero time if it has not
// (or the engine does not say).
func (d *Docker) stoppedAt(ctx context.Context, id string, state container.ContainerState) time.Time {
	if state != container.StateExited && state != container.StateDead {
		return time.Time{}
	}
	info, err := d.client.ContainerInspect(ctx, id, client.ContainerInspectOptions{})
	if err != nil || info.Container.State == nil {
		return time.Time{}
	}
	at, err := time.Parse(time.RFC3339Nano, info.Container.State.FinishedAt)
	if err != nil || at.Unix() <= 0 {
		return time.Time{}
	}
	return at
}

// removable decides about a sandbox that is not a waiting spare; stopped
// is when it stopped (zero while it has not). gone remembers, by instance
// id, what instanceGone found.
func (d *Docker) removable(labels map[string]string, state container.ContainerState, created int64, stopped time.Time, scope CleanScope, now time.Time, gone map[string]bool) bool {
	if scope == All {
		return true
	}
	// Stopped a while ago, it is no one's: whoever ran it (a drill killed
	// after claiming a spare, whose labels are its maker's) would have
	// removed it by now.
	if !stopped.IsZero() && now.Sub(stopped) > stoppedFor {
		return true
	}
	deadline, ok := deadlineOf(labels)
	if !ok {
		// A drill from before deadlines made it: it has a watchdog of its
		// own; once it has stopped (and is not being created) it is a
		// leftover.
		stale := state != container.StateRunning &&
			(state != container.StateCreated || now.Sub(time.Unix(created, 0)) > time.Minute)
		return scope == Leftovers && stale
	}
	if now.After(deadline) {
		return true
	}
	// A claimed spare carries its maker's instance, not its claimant's:
	// only its deadline says it is unused.
	if _, spare := labels[labelSpare]; spare {
		return false
	}
	id := labels[labelInstance]
	if id == d.instance.id {
		return false
	}
	if _, seen := gone[id]; !seen {
		gone[id] = instanceGone(d.lockDir, id)
	}
	return gone[id]
}

// RemoveImages removes drill's images: every runtime's, of any recipe,
// children before the images they are built on, then the debootstrapped
// base. It returns the tags it removed. An image that other images still
// build on (the build cache of another recipe, say) is kept, not an error.
func (d *Docker) RemoveImages(ctx context.Context) ([]string, error) {
	repos := []string{strings.Split(localBase, ":")[0]}
	for _, rt := range Runtimes() {
		repos = append([]string{"drill-" + rt}, repos...)
	}
	var removed []string
	for _, repo := range repos[:len(repos)-1] {
		list, err := d.client.ImageList(ctx, client.ImageListOptions{Filters: make(client.Filters).Add("reference", repo)})
		if err != nil {
			return removed, fmt.Errorf("%w: list images: %v", ErrUnavailable, err)
		}
		for _, img := range list.Items {
			_, err := d.client.ImageRemove(ctx, img.ID, client.ImageRemoveOptions{Force: true, PruneChildren: true})
			switch {
			case err == nil:
				removed = append(removed, img.RepoTags...)
			case errdefs.IsNotFound(err), errdefs.IsConflict(err):
			default:
				return removed, fmt.Errorf("remove image %s: %w", strings.Join(img.RepoTags, ", "), err)
			}
		}
	}
	// What is left of drill's builds: untagged layers built on a base of
	// drill's, removed children first, then the bases themselves.
	for pass := 0; pass < 50; pass++ {
		n, err := d.removeBuildLayers(ctx)
		if err != nil {
			return removed, err
		}
		if n == 0 {
			break
		}
	}
	list, err := d.client.ImageList(ctx, client.ImageListOptions{Filters: make(client.Filters).Add("reference", repos[len(repos)-1])})
	if err == nil {
		for _, img := range list.Items {
			if _, err := d.client.ImageRemove(ctx, img.ID, client.ImageRemoveOptions{Force: true, PruneChildren: true}); err == nil {
				removed = append(removed, img.RepoTags...)
			}
		}
	}
	d.images.mu.Lock()
	clear(d.images.ready)
	d.images.mu.Unlock()
	return removed, nil
}

// removeBuildLayers removes the untagged images without children that
// descend from one of drill's base images, and says how many it removed.
func (d *Docker) removeBuildLayers(ctx context.Context) (int, error) {
	all, err := d.client.ImageList(ctx, client.ImageListOptions{All: true})
	if err != nil {
		return 0, fmt.Errorf("%w: list images: %v", ErrUnavailable, err)
	}
	parent := map[string]string{}
	hasChild := map[string]bool{}
	bases := map[string]bool{}
	for _, img := range all.Items {
		parent[img.ID] = img.ParentID
		hasChild[img.ParentID] = true
		for _, tag := range img.RepoTags {
			if strings.HasPrefix(tag, strings.Split(localBase, ":")[0]+":") {
				bases[img.ID] = true
			}
		}
	}
	n := 0
	for _, img := range all.Items {
		untagged := len(img.RepoTags) == 0 || img.RepoTags[0] == "<none>:<none>"
		if !untagged || hasChild[img.ID] || bases[img.ID] {
			continue
		}
		for p := img.ParentID; p != ""; p = parent[p] {
			if bases[p] {
				if _, err := d.client.ImageRemove(ctx, img.ID, client.ImageRemoveOptions{PruneChildren: true}); err == nil {
					n++
				}
				break
			}
		}
	}
	return n, nil
}

// tarFiles packs files into an archive for the harness to unpack (it makes
// the directories the paths need).
func tarFiles(files []File) ([]byte, error) {
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, f := range files {
		if err := tw.WriteHeader(&tar.Header{Typeflag: tar.TypeReg, Name: f.Path, Mode: 0o644, Size: int64(len(f.Data))}); err != nil {
			return nil, err
		}
		if _, err := tw.Write(f.Data); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
