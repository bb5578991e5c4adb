package cli

import (
	"runtime"
	"runtime/debug"
	"strings"
)

// VersionString is what `drill --version` says after "drill version":
// the version, the commit and the platform, for example
// "v0.4.0 (commit 1f0cd2f2a9b4, go1.26.8 windows/arm64)". version and commit
// are those given at build time (make's -ldflags "-X main.version=...
// -X main.commit=..."); where they are not, they come from the build
// information the go command records: the module's version for `go install
// ...@v0.4.0` (a pseudo-version, which names the commit, for a commit that
// has no tag), and vcs.revision and vcs.modified for a build in a clone.
func VersionString(version, commit string) string {
	info, _ := debug.ReadBuildInfo()
	return versionString(version, commit, info, runtime.Version(), runtime.GOOS+"/"+runtime.GOARCH)
}

func versionString(version, commit string, info *debug.BuildInfo, goVersion, platform string) string {
	dirty := false
	if info != nil {
		if v := info.Main.Version; version == "" && v != "" && v != "(devel)" {
			version = v
		}
		for _, s := range info.Settings {
			switch {
			case s.Key == "vcs.revision" && commit == "":
				commit = s.Value
			case s.Key == "vcs.modified":
				dirty = s.Value == "true"
			}
		}
	}
	if version == "" {
		version = "dev"
	}
	var about []string
	if commit != "" {
		commit, marked := strings.CutSuffix(commit, "-dirty")
		if len(commit) > 12 {
			commit = commit[:12]
		}
		if dirty || marked {
			commit += "-dirty"
		}
		about = append(about, "commit "+commit)
	}
	about = append(about, goVersion+" "+platform)
	return version + " (" + strings.Join(about, ", ") + ")"
}
