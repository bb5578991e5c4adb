package sandbox

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// DebianMirror returns the Debian archive that the apt configuration under
// root uses (DRILL_DEBIAN_MIRROR overrides it): the first source whose URI
// is a Debian archive, not its security or a third-party repository.
func DebianMirror(root string) (string, error) {
	if m := os.Getenv("DRILL_DEBIAN_MIRROR"); m != "" {
		return m, nil
	}
	var files []string
	files = append(files, filepath.Join(root, "etc/apt/sources.list"))
	for _, pat := range []string{"*.list", "*.sources"} {
		m, _ := filepath.Glob(filepath.Join(root, "etc/apt/sources.list.d", pat))
		files = append(files, m...)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		var uris []string
		if strings.HasSuffix(f, ".sources") {
			uris = deb822URIs(string(data))
		} else {
			uris = oneLineURIs(string(data))
		}
		for _, u := range uris {
			if isDebianArchive(u) {
				return u, nil
			}
		}
	}
	return "", fmt.Errorf("no Debian archive found in %s's apt sources; set DRILL_DEBIAN_MIRROR to one", filepath.Join(root, "etc/apt"))
}

// isDebianArchive accepts http(s) URIs whose path ends in /debian.
func isDebianArchive(uri string) bool {
	if !strings.HasPrefix(uri, "http://") && !strings.HasPrefix(uri, "https://") {
		return false
	}
	return strings.HasSuffix(strings.TrimSuffix(uri, "/"), "/debian")
}

// oneLineURIs reads "deb [options] URI suite components" lines.
func oneLineURIs(text string) []string {
	var out []string
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 3 || fields[0] != "deb" {
			continue
		}
		rest := fields[1:]
		if strings.HasPrefix(rest[0], "[") {
			for len(rest) > 0 && !strings.HasSuffix(rest[0], "]") {
				rest = rest[1:]
			}
			if len(rest) > 0 {
				rest = rest[1:]
			}
		}
		if len(rest) > 0 {
			out = append(out, rest[0])
		}
	}
	return out
}

// deb822URIs reads the URIs of enabled "Types: deb" stanzas.
func deb822URIs(text string) []string {
	var out []string
	for _, stanza := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		fields := map[string]string{}
		for _, line := range strings.Split(stanza, "\n") {
			if strings.HasPrefix(line, "#") {
				continue
			}
			k, v, ok := strings.Cut(line, ":")
			if ok && !strings.HasPrefix(line, " ") {
				fields[strings.ToLower(strings.TrimSpace(k))] = strings.TrimSpace(v)
			}
		}
		if !strings.Contains(" "+fields["types"]+" ", " deb ") || strings.EqualFold(fields["enabled"], "no") {
			continue
		}
		out = append(out, strings.Fields(fields["uris"])...)
	}
	return out
}
