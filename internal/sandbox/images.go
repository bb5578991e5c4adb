package sandbox

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/distribution/reference"
	"github.com/moby/moby/api/types/jsonstream"
	"github.com/moby/moby/client"
	"golang.org/x/sync/singleflight"

	recipes "github.com/drill-dev/drill/sandbox"
)

// runtimeRecipes lists the runtimes, each after the one its recipe starts FROM
// ("" is the Debian trixie base).
var runtimeRecipes = []struct{ runtime, parent string }{
	{"python", ""},
	{"django", "python"},
	{"web", "python"},
	{"tools", "python"},
}

// parentOf returns the image key an image is built on: a runtime's
// parent runtime, or for an image with servers (see ImageKey), its runtime.
func parentOf(runtime string) (parent string, ok bool) {
	if hasServices(runtime) {
		rt, services := splitKey(runtime)
		for _, s := range services {
			if !slices.Contains(serviceNames, s) {
				return "", false
			}
		}
		_, ok := parentOf(rt)
		return rt, ok
	}
	for _, r := range runtimeRecipes {
		if r.runtime == runtime {
			return r.parent, true
		}
	}
	return "", false
}

// Base images, in the order they are tried.
const (
	// upstreamBase is Debian's own image, where the engine can pull it.
	upstreamBase = "debian:trixie-slim"
	// localBase is the same release made here with debootstrap from the
	// host's apt mirror, for engines that cannot reach a registry, slimmed
	// as Debian's -slim images are. The tag changes with how it is made.
	localBase   = "drill-base:trixie-slim1"
	labelRecipe = "dev.drill.recipe"
)

// Runtimes lists the runtimes there are recipes for, each after the one it
// is built on.
func Runtimes() []string {
	var out []string
	for _, r := range runtimeRecipes {
		out = append(out, r.runtime)
	}
	return out
}

// Tag is the image a runtime's jobs run in (runtime is an image key: see
// ImageKey): named for the runtime and its servers, tagged with a hash of
// its recipe, so that a changed recipe means a new image.
func Tag(runtime string) (string, error) {
	h, err := recipeHash(runtime)
	if err != nil {
		return "", err
	}
	return repoName(runtime) + ":" + h[:12], nil
}

// recipeHash covers the runtime's directory, the harness and the parent's
// hash.
func recipeHash(runtime string) (string, error) { return recipeHashIn(recipes.FS, runtime) }

// recipeHashIn is recipeHash of the recipes in fsys (recipes.FS, but in
// tests), as the image is built from them: see recipeFile.
func recipeHashIn(fsys fs.FS, runtime string) (string, error) {
	parent, ok := parentOf(runtime)
	if !ok {
		return "", fmt.Errorf("no image recipe for runtime %q", runtime)
	}
	h := sha256.New()
	if parent != "" {
		ph, err := recipeHashIn(fsys, parent)
		if err != nil {
			return "", err
		}
		io.WriteString(h, ph)
	}
	for _, f := range recipeFilesIn(fsys, runtime) {
		data, err := recipeFile(fsys, f)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", f, len(data))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// hostOnly are the harness's directories that stay on the host: its tests
// and their fixtures, which no sandbox needs.
var hostOnly = map[string]bool{"harness/tests": true, "harness/testdata": true}

// recipeFiles lists the files an image is built from, in a fixed order:
// a runtime's directory and the harness; for an image with servers, the
// servers' common files (services/*) and the named servers' directories
// (services/NAME/), so that a change to one server's recipe rebuilds only
// the images that start it. Not Python's caches (__pycache__, pytest's and
// hypothesis's dot directories), which running tests on the host leaves.
func recipeFiles(runtime string) []string { return recipeFilesIn(recipes.FS, runtime) }

// recipeFilesIn is recipeFiles of the recipes in fsys.
func recipeFilesIn(fsys fs.FS, runtime string) []string {
	roots := []string{runtime, "harness"}
	var services []string
	if hasServices(runtime) {
		_, services = splitKey(runtime)
		roots = []string{"services"}
	}
	var out []string
	for _, root := range roots {
		_ = fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && (d.Name() == "__pycache__" || strings.HasPrefix(d.Name(), ".") || hostOnly[p]) {
				return fs.SkipDir
			}
			if d.IsDir() && path.Dir(p) == "services" && !slices.Contains(services, d.Name()) {
				return fs.SkipDir
			}
			if d.Type().IsRegular() && !strings.HasSuffix(p, ".pyc") {
				out = append(out, p)
			}
			return nil
		})
	}
	return out
}

// Images finds or builds the runner images on one engine. Images of
// different keys build at the same time (validate's sandboxes of two
// images need both); callers of one key share its one build.
type Images struct {
	client   *client.Client
	progress io.Writer
	builds   singleflight.Group
	mu       sync.Mutex // guards ready
	ready    map[string]string
}

// NewImages returns a builder that reports build output to progress.
func NewImages(c *client.Client, progress io.Writer) *Images {
	return &Images{client: c, progress: progress, ready: map[string]string{}}
}

// Ensure returns the runtime's image, building it (and what it starts
// from) first if the engine does not have it.
func (im *Images) Ensure(ctx context.Context, runtime string) (string, error) {
	return im.ensure(ctx, runtime, false)
}

// Build builds the runtime's image even if one with its tag exists.
func (im *Images) Build(ctx context.Context, runtime string) (string, error) {
	return im.ensure(ctx, runtime, true)
}

// forget drops what this process knows of a runtime's image, so the next
// Ensure asks the engine again.
func (im *Images) forget(runtime string) {
	im.mu.Lock()
	defer im.mu.Unlock()
	delete(im.ready, runtime)
}

func (im *Images) ensure(ctx context.Context, runtime string, force bool) (string, error) {
	im.mu.Lock()
	tag, ok := im.ready[runtime]
	im.mu.Unlock()
	if ok && !force {
		return tag, nil
	}
	key := runtime
	if force {
		key = "build " + runtime
	}
	v, err, _ := im.builds.Do(key, func() (any, error) { return im.make(ctx, runtime, force) })
	if err != nil {
		return "", err
	}
	return v.(string), nil
}

// make finds the runtime's image on the engine, or builds it (and what it
// starts from), and remembers its tag.
func (im *Images) make(ctx context.Context, runtime string, force bool) (string, error) {
	tag, err := Tag(runtime)
	if err != nil {
		return "", err
	}
	if !force {
		if im.exists(ctx, tag) {
			im.remember(runtime, tag)
			return tag, nil
		}
	}
	var base string
	if parent, _ := parentOf(runtime); parent != "" {
		base, err = im.ensure(ctx, parent, false)
	} else {
		base, err = im.base(ctx)
	}
	if err != nil {
		return "", err
	}
	if rt, services := splitKey(runtime); len(services) > 0 {
		fmt.Fprintf(im.progress, "Building sandbox image %s from sandbox/services/Dockerfile, %s with %s (once per recipe change)...\n", tag, rt, strings.Join(services, " and "))
	} else {
		fmt.Fprintf(im.progress, "Building sandbox image %s from sandbox/%s/Dockerfile (once per recipe change)...\n", tag, runtime)
	}
	if err := im.build(ctx, runtime, tag, base); err != nil {
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		return "", fmt.Errorf("%w: build image %s: %v", ErrUnavailable, tag, err)
	}
	im.remember(runtime, tag)
	return tag, nil
}

func (im *Images) remember(runtime, tag string) {
	im.mu.Lock()
	defer im.mu.Unlock()
	im.ready[runtime] = tag
}

// Prune removes the images of other recipes of these runtimes (and of
// those they are built on): left by earlier versions of drill, each is
// a hundred MB or more. One still in use by a container, or by another
// image, stays. Only drill images build prunes: a check must not remove
// the images of another drill version on the same machine.
func (im *Images) Prune(ctx context.Context, runtimes []string) {
	im.mu.Lock()
	ready := maps.Clone(im.ready)
	im.mu.Unlock()
	for _, runtime := range runtimes {
		for rt := runtime; rt != ""; rt, _ = parentOf(rt) {
			im.removeAllBut(ctx, repoName(rt), ready[rt])
		}
	}
	im.removeAllBut(ctx, strings.Split(localBase, ":")[0], localBase)
}

func (im *Images) removeAllBut(ctx context.Context, repo, keep string) {
	list, err := im.client.ImageList(ctx, client.ImageListOptions{Filters: make(client.Filters).Add("reference", repo)})
	if err != nil {
		return
	}
	for _, img := range list.Items {
		if keep == "" || slices.ContainsFunc(img.RepoTags, func(t string) bool { return sameRef(t, keep) }) {
			continue
		}
		_, _ = im.client.ImageRemove(ctx, img.ID, client.ImageRemoveOptions{PruneChildren: true})
	}
}

// sameRef reports whether two image references name the same image once
// each is written in full: Docker lists "drill-python:abc" as it was
// tagged, Podman as "docker.io/library/drill-python:abc".
func sameRef(a, b string) bool {
	na, errA := reference.ParseNormalizedNamed(a)
	nb, errB := reference.ParseNormalizedNamed(b)
	if errA != nil || errB != nil {
		return a == b
	}
	return na.String() == nb.String()
}

func (im *Images) exists(ctx context.Context, ref string) bool {
	_, err := im.client.ImageInspect(ctx, ref)
	return err == nil
}

func (im *Images) build(ctx context.Context, runtime, tag, base string) error {
	hash, err := recipeHash(runtime)
	if err != nil {
		return err
	}
	buildContext, err := recipeContext(runtime)
	if err != nil {
		return err
	}
	dockerfile, args := runtime+"/Dockerfile", map[string]*string{"BASE": &base}
	if _, services := splitKey(runtime); len(services) > 0 {
		names := strings.Join(services, " ")
		dockerfile, args["SERVICES"] = "services/Dockerfile", &names
	}
	res, err := im.client.ImageBuild(ctx, bytes.NewReader(buildContext), client.ImageBuildOptions{
		Tags:        []string{tag},
		Dockerfile:  dockerfile,
		BuildArgs:   args,
		Remove:      true,
		ForceRemove: true,
		Labels:      map[string]string{labelRecipe: hash},
	})
	if err != nil {
		return err
	}
	defer res.Body.Close()
	return im.follow(res.Body)
}

// recipeContext is the build context: the runtime's recipe and the harness.
func recipeContext(runtime string) ([]byte, error) { return recipeContextIn(recipes.FS, runtime) }

// recipeContextIn is recipeContext of the recipes in fsys.
func recipeContextIn(fsys fs.FS, runtime string) ([]byte, error) {
	var files []File
	for _, f := range recipeFilesIn(fsys, runtime) {
		data, err := recipeFile(fsys, f)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Path: f, Data: data})
	}
	return tarFiles(files)
}

// recipeFile is a recipe file (all of them are text) with LF line endings.
// A clone on Windows checks them out with CRLF where Git's core.autocrlf is
// set (Git for Windows' default), and go build embeds them so: the
// watchdog, a shell script, would then stop at its first command ("set:
// Illegal option -") and no sandbox would start. The image is the same
// whichever way the files were checked out, and so is its tag.
func recipeFile(fsys fs.FS, name string) ([]byte, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	return bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), nil
}

// follow reads an engine's JSON message stream, showing each build step
// on the progress writer, and returns the first error it reports with the
// output that led to it.
func (im *Images) follow(r io.Reader) error {
	dec := json.NewDecoder(r)
	var recent []string
	for {
		var m jsonstream.Message
		if err := dec.Decode(&m); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
		if m.Error != nil {
			return fmt.Errorf("%s\n%s", strings.TrimSpace(m.Error.Message), strings.Join(recent, "\n"))
		}
		text := strings.TrimSpace(m.Stream)
		if text == "" && m.Progress == nil {
			text = strings.TrimSpace(m.ID + " " + m.Status)
		}
		for _, line := range strings.Split(text, "\n") {
			if line == "" {
				continue
			}
			if recent = append(recent, line); len(recent) > 30 {
				recent = recent[1:]
			}
			if strings.HasPrefix(line, "Step ") || m.Stream == "" {
				fmt.Fprintln(im.progress, "  "+clip(line, 100))
			}
		}
	}
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n-3] + "..."
}

// base returns a Debian trixie image to build on: one the engine has, or
// Debian's own pulled from a registry, or one made here with debootstrap.
func (im *Images) base(ctx context.Context) (string, error) {
	if ref := os.Getenv("DRILL_BASE_IMAGE"); ref != "" {
		return ref, nil
	}
	for _, ref := range []string{upstreamBase, localBase} {
		if im.exists(ctx, ref) {
			return ref, nil
		}
	}
	fmt.Fprintf(im.progress, "Pulling %s...\n", upstreamBase)
	pullErr := im.pull(ctx, upstreamBase)
	if pullErr == nil {
		return upstreamBase, nil
	}
	if ctx.Err() != nil {
		return "", ctx.Err()
	}
	fmt.Fprintf(im.progress, "Cannot pull %s (%s).\nMaking a Debian trixie base with debootstrap instead (about a minute)...\n", upstreamBase, strings.TrimSpace(pullErr.Error()))
	if err := im.debootstrap(ctx); err != nil {
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		return "", fmt.Errorf("%w: no base image: pulling %s failed (%v), and so did debootstrap: %v", ErrUnavailable, upstreamBase, pullErr, err)
	}
	return localBase, nil
}

// pull pulls ref for the engine's own platform (no platform asked for):
// arm64 on an Apple silicon Mac's Docker Desktop, amd64 on most others.
func (im *Images) pull(ctx context.Context, ref string) error {
	res, err := im.client.ImagePull(ctx, ref, client.ImagePullOptions{})
	if err != nil {
		return err
	}
	defer res.Close()
	return im.follow(res)
}

// debootstrap makes a minimal Debian trixie root filesystem from the
// host's apt mirror and imports it into the engine as localBase.
func (im *Images) debootstrap(ctx context.Context) error {
	if runtime.GOOS != "linux" {
		return fmt.Errorf("without a registry drill makes its base image with debootstrap, which runs only on Linux: "+
			"let the engine pull %s (Docker Desktop does, once it can reach Docker Hub: check its proxy settings), "+
			"or set DRILL_BASE_IMAGE to a Debian trixie image the engine has", upstreamBase)
	}
	bin, err := exec.LookPath("debootstrap")
	if err != nil {
		return errors.New("debootstrap is not installed (on Debian or Ubuntu: apt-get install debootstrap)")
	}
	if os.Geteuid() != 0 {
		return errors.New("debootstrap needs root: run `sudo drill images build` once")
	}
	mirror, err := DebianMirror("/")
	if err != nil {
		return err
	}
	fmt.Fprintf(im.progress, "  debootstrap --variant=minbase trixie %s\n", mirror)
	dir, err := os.MkdirTemp("", "drill-rootfs-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	cmd := exec.CommandContext(ctx, bin, "--variant=minbase", "trixie", dir, mirror)
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("debootstrap from %s: %w\n%s", mirror, err, tail(log.String(), 20))
	}
	if err := slim(dir); err != nil {
		return fmt.Errorf("slim the root filesystem: %w", err)
	}

	tarCmd := exec.CommandContext(ctx, "tar", "--numeric-owner", "-C", dir, "-c", ".")
	rootfs, err := tarCmd.StdoutPipe()
	if err != nil {
		return err
	}
	tarCmd.Stderr = &log
	if err := tarCmd.Start(); err != nil {
		return fmt.Errorf("tar root filesystem: %w", err)
	}
	res, err := im.client.ImageImport(ctx, client.ImageImportSource{Source: rootfs, SourceName: "-"}, localBase,
		client.ImageImportOptions{Message: "debootstrap --variant=minbase trixie " + mirror})
	if err != nil {
		_ = tarCmd.Process.Kill()
		_ = tarCmd.Wait()
		return fmt.Errorf("import root filesystem: %w", err)
	}
	ferr := im.follow(res)
	res.Close()
	if err := tarCmd.Wait(); err != nil {
		return fmt.Errorf("tar root filesystem: %w\n%s", err, tail(log.String(), 20))
	}
	if ferr != nil {
		return fmt.Errorf("import root filesystem: %w", ferr)
	}
	if !im.exists(ctx, localBase) {
		return errors.New("import finished but the engine has no " + localBase)
	}
	return nil
}

// slimDpkg keeps documentation, manuals and translations out of every
// package installed later, as Debian's -slim images do.
const slimDpkg = `# drill: as in Debian's -slim images
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
path-exclude /usr/share/lintian/*
`

// slim removes from a debootstrapped root what a sandbox never uses (apt's
// package lists and cache, documentation, translations) and keeps it out
// of later installs: about 130 MB of the 210 MB.
func slim(root string) error {
	for _, pattern := range []string{
		"var/lib/apt/lists/*", "var/cache/apt/*.bin", "var/cache/apt/archives/*.deb",
		"usr/share/doc/*", "usr/share/man/*", "usr/share/info/*", "usr/share/locale/*",
	} {
		matches, err := filepath.Glob(filepath.Join(root, pattern))
		if err != nil {
			return err
		}
		for _, m := range matches {
			if err := os.RemoveAll(m); err != nil {
				return err
			}
		}
	}
	return os.WriteFile(filepath.Join(root, "etc/dpkg/dpkg.cfg.d/drill-slim"), []byte(slimDpkg), 0o644)
}

// tail is the last n lines of text.
func tail(text string, n int) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
