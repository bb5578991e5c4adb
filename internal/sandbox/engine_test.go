package sandbox

import (
	"fmt"
	"maps"
	"testing"

	"github.com/moby/moby/api/types/system"
	"github.com/moby/moby/client"
)

func TestIsPodman(t *testing.T) {
	tests := []struct {
		components []string
		want       bool
	}{
		{[]string{"Engine", "containerd", "runc", "docker-init"}, false},  // Docker 29
		{[]string{"Podman Engine", "Conmon", "OCI Runtime (runc)"}, true}, // Debian 12's podman 4.3
		{nil, false}, // an engine that does not say is taken for Docker
	}
	for _, tt := range tests {
		var v client.ServerVersionResult
		for _, name := range tt.components {
			v.Components = append(v.Components, system.ComponentVersion{Name: name})
		}
		if got := isPodman(v); got != tt.want {
			t.Errorf("isPodman(%q) = %v, want %v", tt.components, got, tt.want)
		}
	}
}

// Where Podman differs, a sandbox is asked for differently, and only there:
// its tmpfs takes no uid=, its default nproc exceeds what a machine like
// this one allows, and with a read-only root it makes /var/tmp a writable
// tmpfs unless given one.
func TestHostConfigPerEngine(t *testing.T) {
	tests := []struct {
		podman    bool
		wantTmpfs map[string]string
		wantLimit string
	}{
		{false, map[string]string{
			"/work":  "rw,nosuid,nodev,exec,size=64m,uid=10002,gid=10002,mode=0700",
			"/judge": "rw,nosuid,nodev,noexec,size=16m,uid=10001,gid=10001,mode=0700",
			"/srv":   "rw,nosuid,nodev,noexec,size=256m,uid=10003,gid=10003,mode=0755",
			"/tmp":   "rw,nosuid,nodev,exec,size=16m,mode=1777",
		}, "[nofile=256:256 core=0:0]"},
		{true, map[string]string{
			"/work":  "rw,nosuid,nodev,exec,size=64m,mode=1777",
			"/judge": "rw,nosuid,nodev,exec,size=16m,mode=1777",
			"/srv":   "rw,nosuid,nodev,exec,size=256m,mode=1777",
			"/tmp":   "rw,nosuid,nodev,exec,size=16m,mode=1777",
			// Podman would mount a writable tmpfs of its own here,
			// open to all and as large as the memory limit.
			"/var/tmp": "ro,nosuid,nodev,noexec,size=4k",
		}, "[nofile=256:256 core=0:0 nproc=4096:4096]"},
	}
	for _, tt := range tests {
		d := &Docker{limits: DefaultLimits, podman: tt.podman}
		hc := d.hostConfig()
		if !maps.Equal(hc.Tmpfs, tt.wantTmpfs) {
			t.Errorf("podman=%v: tmpfs %q, want %q", tt.podman, hc.Tmpfs, tt.wantTmpfs)
		}
		var limits []string
		for _, u := range hc.Ulimits {
			limits = append(limits, fmt.Sprintf("%s=%d:%d", u.Name, u.Soft, u.Hard))
		}
		if got := fmt.Sprint(limits); got != tt.wantLimit {
			t.Errorf("podman=%v: ulimits %s, want %s", tt.podman, got, tt.wantLimit)
		}
		// What keeps the sandbox shut is the same on both engines.
		if !hc.ReadonlyRootfs || hc.NetworkMode != "none" || fmt.Sprint(hc.CapDrop) != "[ALL]" || *hc.PidsLimit != DefaultLimits.Pids {
			t.Errorf("podman=%v: the sandbox is not locked down: %+v", tt.podman, hc)
		}
	}
}
