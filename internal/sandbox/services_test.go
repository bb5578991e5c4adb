package sandbox

import (
	"slices"
	"strings"
	"testing"

	"github.com/drill-dev/drill/internal/wire"
)

func TestImageKey(t *testing.T) {
	for _, tt := range []struct {
		runtime  string
		services []string
		key      string
		repo     string
	}{
		{"python", nil, "python", "drill-python"},
		{"django", []string{"redis", "postgres"}, "django+postgres+redis", "drill-django-postgres-redis"},
		{"web", []string{"memcached", "mariadb", "redis", "postgres"}, "web+postgres+mariadb+redis+memcached", "drill-web-postgres-mariadb-redis-memcached"},
		{"python", []string{"redis", "redis"}, "python+redis", "drill-python-redis"},
	} {
		key := ImageKey(tt.runtime, tt.services)
		if key != tt.key || repoName(key) != tt.repo {
			t.Errorf("ImageKey(%s, %v) = %s (%s), want %s (%s)", tt.runtime, tt.services, key, repoName(key), tt.key, tt.repo)
		}
		if rt, s := splitKey(key); rt != tt.runtime || hasServices(key) != (len(s) > 0) {
			t.Errorf("splitKey(%s) = %s %v", key, rt, s)
		}
	}
}

func TestServiceImageRecipes(t *testing.T) {
	pg, err := Tag("django+postgres")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(pg, "drill-django-postgres:") {
		t.Errorf("tag %s", pg)
	}
	if parent, ok := parentOf("django+postgres"); !ok || parent != "django" {
		t.Errorf("parent %q %v", parent, ok)
	}
	// Only the named servers' recipes are in an image's files.
	files := recipeFiles("django+postgres")
	for _, want := range []string{"services/Dockerfile", "services/install", "services/start.py", "services/postgres/setup"} {
		if !slices.Contains(files, want) {
			t.Errorf("%s not in %v", want, files)
		}
	}
	for _, f := range files {
		if strings.HasPrefix(f, "services/redis/") || strings.HasPrefix(f, "harness/") {
			t.Errorf("%s is in django+postgres's recipe", f)
		}
	}
	// Another server, another image; the same servers, the same image.
	pr, _ := Tag("django+postgres+redis")
	again, _ := Tag(ImageKey("django", []string{"redis", "postgres"}))
	if pr == pg || pr != again {
		t.Errorf("tags %s %s %s", pg, pr, again)
	}
	for _, bad := range []string{"django+mongodb", "ruby+redis"} {
		if _, err := Tag(bad); err == nil {
			t.Errorf("Tag(%s) made a tag", bad)
		}
	}
	// Every server has its recipe and a starter.
	for _, name := range Services() {
		if !slices.Contains(recipeFiles("python+"+name), "services/"+name+"/packages") {
			t.Errorf("no packages for %s", name)
		}
	}
}

func TestServicesFailure(t *testing.T) {
	for _, tt := range []struct {
		out  Outcome
		want string
	}{
		{Outcome{ExitCode: 0, Stderr: []byte("service postgres did not start: x\n")}, ""},
		{Outcome{ExitCode: 1, Stderr: []byte("service postgres did not start: x\n")}, ""},
		{Outcome{ExitCode: wire.ExitServices, Stderr: []byte("warming\nservice postgres did not start: no space\n")}, "service postgres did not start: no space"},
		{Outcome{ExitCode: wire.ExitServices}, "the sandbox's servers did not start"},
	} {
		if got := servicesFailure(tt.out); got != tt.want {
			t.Errorf("servicesFailure(%d, %q) = %q, want %q", tt.out.ExitCode, tt.out.Stderr, got, tt.want)
		}
	}
}
