package sandbox

import (
	"slices"
	"strings"

	"github.com/drill-dev/drill/internal/wire"
)

// serviceNames are the servers a sandbox can start (exercise.toml's
// services), in the order they start: each has a recipe in
// sandbox/services/NAME/ (its Debian packages and set-up).
var serviceNames = []string{"postgres", "mariadb", "redis", "memcached"}

// Services lists the servers an exercise may ask for.
func Services() []string { return slices.Clone(serviceNames) }

// ImageKey names the image a job runs in: its runtime alone ("django"),
// or with the servers its sandbox starts, in their starting order
// ("django+postgres+redis"). Job.Runtime holds it. Unknown names are the
// bank's to refuse; ImageKey keeps them, so Tag reports them.
func ImageKey(runtime string, services []string) string {
	if len(services) == 0 {
		return runtime
	}
	s := slices.Clone(services)
	slices.SortStableFunc(s, func(a, b string) int { return order(a) - order(b) })
	return runtime + "+" + strings.Join(slices.Compact(s), "+")
}

func order(name string) int {
	if i := slices.Index(serviceNames, name); i >= 0 {
		return i
	}
	return len(serviceNames)
}

// splitKey returns an image key's runtime and servers.
func splitKey(key string) (runtime string, services []string) {
	parts := strings.Split(key, "+")
	return parts[0], parts[1:]
}

// hasServices reports whether an image key's sandbox starts servers.
func hasServices(key string) bool { return strings.Contains(key, "+") }

// repoName is the image repository of a key: drill-RUNTIME, or
// drill-RUNTIME-SERVICE-... (an image name takes no "+").
func repoName(key string) string {
	return "drill-" + strings.ReplaceAll(key, "+", "-")
}

// servicesFailure is the message of a sandbox whose servers did not start
// (the harness exited with wire.ExitServices before any learner code ran):
// the harness's last line, which names the server, or "" if out is not
// such a sandbox's.
func servicesFailure(out Outcome) string {
	if out.ExitCode != wire.ExitServices {
		return ""
	}
	lines := strings.Split(strings.TrimSpace(string(out.Stderr)), "\n")
	msg := strings.TrimSpace(lines[len(lines)-1])
	if msg == "" {
		msg = "the sandbox's servers did not start"
	}
	return msg
}
