package sandbox

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDebianMirror(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"deb822, security listed first", map[string]string{
			"etc/apt/sources.list.d/debian.sources": "Types: deb\nURIs: http://security.example/debian-security\nSuites: bookworm-security\n\n" +
				"Types: deb\n# a comment\nURIs: http://mirror.example/debian\nSuites: bookworm\nComponents: main\n",
		}, "http://mirror.example/debian"},
		{"disabled stanza and deb-src are skipped", map[string]string{
			"etc/apt/sources.list.d/debian.sources": "Types: deb\nEnabled: no\nURIs: http://off.example/debian\n\n" +
				"Types: deb-src\nURIs: http://src.example/debian\n\nTypes: deb deb-src\nURIs: https://on.example/debian/\n",
		}, "https://on.example/debian/"},
		{"one-line format with options", map[string]string{
			"etc/apt/sources.list": "# deb http://commented.example/debian bookworm main\n" +
				"deb [arch=amd64 signed-by=/k.gpg] http://third.example/apt stable main\n" +
				"deb [ signed-by=/k.gpg ] http://ftp.example/debian bookworm main\n",
		}, "http://ftp.example/debian"},
		{"sources.list before sources.list.d", map[string]string{
			"etc/apt/sources.list":             "deb http://first.example/debian bookworm main\n",
			"etc/apt/sources.list.d/x.sources": "Types: deb\nURIs: http://second.example/debian\n",
		}, "http://first.example/debian"},
		{"no Debian archive", map[string]string{
			"etc/apt/sources.list.d/node.list": "deb https://deb.nodesource.example/node_20.x nodistro main\n",
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("DRILL_DEBIAN_MIRROR", "")
			root := t.TempDir()
			for name, text := range tt.files {
				p := filepath.Join(root, name)
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got, err := DebianMirror(root)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("DebianMirror = %q, want an error", got)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("DebianMirror = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestDebianMirrorOverride(t *testing.T) {
	t.Setenv("DRILL_DEBIAN_MIRROR", "http://override.example/debian")
	if got, _ := DebianMirror(t.TempDir()); got != "http://override.example/debian" {
		t.Errorf("DebianMirror = %q", got)
	}
}

func TestTagFollowsRecipe(t *testing.T) {
	py, err := Tag("python")
	if err != nil {
		t.Fatal(err)
	}
	dj, err := Tag("django")
	if err != nil {
		t.Fatal(err)
	}
	if py == dj || py[:len("drill-python:")] != "drill-python:" {
		t.Errorf("tags %q and %q", py, dj)
	}
	if _, err := Tag("cobol"); err == nil {
		t.Error("a runtime without a recipe got a tag")
	}
}

// Podman lists an image by its full name, Docker as it was tagged: Prune
// must keep an image whichever engine lists it.
func TestSameRef(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"drill-python:eba04615757b", "drill-python:eba04615757b", true},
		{"docker.io/library/drill-python:eba04615757b", "drill-python:eba04615757b", true},
		{"localhost/drill-python:eba04615757b", "drill-python:eba04615757b", false},
		{"docker.io/library/drill-python:0123456789ab", "drill-python:eba04615757b", false},
		{"<none>:<none>", "drill-python:eba04615757b", false},
	}
	for _, tt := range tests {
		if got := sameRef(tt.a, tt.b); got != tt.want {
			t.Errorf("sameRef(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
