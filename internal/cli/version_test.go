package cli

import (
	"runtime/debug"
	"testing"
)

func TestVersionString(t *testing.T) {
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	tests := []struct {
		name            string
		version, commit string
		info            *debug.BuildInfo
		want            string
	}{
		{"make: both from -ldflags", "v0.4.0", "1f0cd2f2a9b4c3d2e1f0", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}},
			"v0.4.0 (commit 1f0cd2f2a9b4, go1.26.8 linux/amd64)"},
		{"go install @v0.4.0: the module's version", "", "", &debug.BuildInfo{Main: debug.Module{Version: "v0.4.0"}},
			"v0.4.0 (go1.26.8 linux/amd64)"},
		{"go install @main: a pseudo-version names the commit", "", "",
			&debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261203084355-1f0cd2f2a9b4"}},
			"v0.0.0-20261203084355-1f0cd2f2a9b4 (go1.26.8 linux/amd64)"},
		{"go build in a clone: vcs.revision", "", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("99d8e1b0a1b2c3d4e5f6", "false")},
			"dev (commit 99d8e1b0a1b2, go1.26.8 linux/amd64)"},
		{"changed files are dirty", "", "", &debug.BuildInfo{Settings: vcs("99d8e1b0a1b2c3d4e5f6", "true")},
			"dev (commit 99d8e1b0a1b2-dirty, go1.26.8 linux/amd64)"},
		{"-ldflags win over the build information", "v0.5.0", "abc", &debug.BuildInfo{Main: debug.Module{Version: "v0.4.0"}, Settings: vcs("99d8e1b0a1b2", "false")},
			"v0.5.0 (commit abc, go1.26.8 linux/amd64)"},
		{"make marks a commit with changes", "dev", "1f0cd2f2a9b4c3d2e1f0-dirty", nil, "dev (commit 1f0cd2f2a9b4-dirty, go1.26.8 linux/amd64)"},
		{"nothing known", "", "", nil, "dev (go1.26.8 linux/amd64)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := versionString(tt.version, tt.commit, tt.info, "go1.26.8", "linux/amd64"); got != tt.want {
				t.Errorf("versionString = %q, want %q", got, tt.want)
			}
		})
	}
}
