package sandbox

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/hex"
	"encoding/pem"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/moby/moby/client"
)

// contextDir is where the docker CLI keeps a context's files of kind
// ("meta" or "tls") under the config directory.
func contextDir(config, kind, name string) string {
	sum := sha256.Sum256([]byte(name))
	return filepath.Join(config, "contexts", kind, hex.EncodeToString(sum[:]))
}

func TestResolveEndpoint(t *testing.T) {
	const remoteMeta = `{"Name":"remote","Metadata":{"Description":"the lab"},"Endpoints":{"docker":{"Host":"ssh://grader@lab.example","SkipTLSVerify":false}}}`
	tests := []struct {
		name    string
		goos    string // "" is linux
		env     map[string]string
		files   map[string]string // relative to home; "META:name" and "TLS:name" are a context's directories
		sockets []string          // what Exists finds; "HOME" is the home directory
		want    Endpoint
		wantErr string
	}{
		{name: "nothing set: the local socket", want: Endpoint{Host: "unix:///var/run/docker.sock"}},
		{name: "DOCKER_HOST", env: map[string]string{"DOCKER_HOST": "tcp://engine.example:2376"},
			want: Endpoint{Host: "tcp://engine.example:2376", FromEnv: true}},
		{name: "DOCKER_HOST wins over DOCKER_CONTEXT and config.json",
			env:   map[string]string{"DOCKER_HOST": "unix:///run/other.sock", "DOCKER_CONTEXT": "remote"},
			files: map[string]string{".docker/config.json": `{"currentContext": "remote"}`, "META:remote/meta.json": remoteMeta},
			want:  Endpoint{Host: "unix:///run/other.sock", FromEnv: true}},
		{name: "Podman's socket in DOCKER_HOST", env: map[string]string{"DOCKER_HOST": "unix:///run/user/1000/podman/podman.sock"},
			want: Endpoint{Host: "unix:///run/user/1000/podman/podman.sock", FromEnv: true}},

		// Windows: Docker Desktop's named pipe, or the context it makes.
		{name: "windows: nothing set: the named pipe", goos: "windows",
			want: Endpoint{Host: "npipe:////./pipe/docker_engine"}},
		{name: "windows: Docker Desktop's context", goos: "windows",
			files: map[string]string{".docker/config.json": `{"currentContext": "desktop-linux"}`,
				"META:desktop-linux/meta.json": `{"Name":"desktop-linux","Metadata":{},"Endpoints":{"docker":{"Host":"npipe:////./pipe/dockerDesktopLinuxEngine","SkipTLSVerify":false}}}`},
			want: Endpoint{Host: "npipe:////./pipe/dockerDesktopLinuxEngine", Context: "desktop-linux"}},
		{name: "windows: DOCKER_HOST names a pipe", goos: "windows", env: map[string]string{"DOCKER_HOST": "npipe:////./pipe/podman-machine-default"},
			want: Endpoint{Host: "npipe:////./pipe/podman-machine-default", FromEnv: true}},
		{name: "windows: the default context is the pipe", goos: "windows", env: map[string]string{"DOCKER_CONTEXT": "default"},
			sockets: []string{"/var/run/docker.sock"}, want: Endpoint{Host: "npipe:////./pipe/docker_engine"}},

		// macOS: /var/run/docker.sock where Docker Desktop makes it, else
		// its socket in ~/.docker/run.
		{name: "darwin: /var/run/docker.sock", goos: "darwin",
			sockets: []string{"/var/run/docker.sock", "HOME/.docker/run/docker.sock"},
			want:    Endpoint{Host: "unix:///var/run/docker.sock"}},
		{name: "darwin: only Docker Desktop's socket", goos: "darwin",
			sockets: []string{"HOME/.docker/run/docker.sock"},
			want:    Endpoint{Host: "unix://HOME/.docker/run/docker.sock"}},
		{name: "darwin: no socket at all: the usual one, for the message", goos: "darwin",
			want: Endpoint{Host: "unix:///var/run/docker.sock"}},
		{name: "darwin: Docker Desktop's context", goos: "darwin", sockets: []string{"/var/run/docker.sock"},
			files: map[string]string{".docker/config.json": `{"currentContext": "desktop-linux"}`,
				"META:desktop-linux/meta.json": `{"Name":"desktop-linux","Endpoints":{"docker":{"Host":"unix:///Users/ana/.docker/run/docker.sock"}}}`},
			want: Endpoint{Host: "unix:///Users/ana/.docker/run/docker.sock", Context: "desktop-linux"}},
		{name: "linux: Docker Desktop's socket is not looked for",
			sockets: []string{"HOME/.docker/run/docker.sock"},
			want:    Endpoint{Host: "unix:///var/run/docker.sock"}},

		{name: "currentContext of config.json",
			files: map[string]string{".docker/config.json": `{"auths": {}, "currentContext": "remote"}`, "META:remote/meta.json": remoteMeta},
			want:  Endpoint{Host: "ssh://grader@lab.example", Context: "remote"}},
		{name: "DOCKER_CONTEXT wins over config.json",
			env: map[string]string{"DOCKER_CONTEXT": "ci"},
			files: map[string]string{".docker/config.json": `{"currentContext": "remote"}`, "META:remote/meta.json": remoteMeta,
				"META:ci/meta.json":    `{"Name":"ci","Endpoints":{"docker":{"Host":"tcp://ci.example:2376","SkipTLSVerify":true}}}`,
				"TLS:ci/docker/ca.pem": "x"},
			want: Endpoint{Host: "tcp://ci.example:2376", Context: "ci", SkipTLSVerify: true, TLSDir: "TLS:ci/docker"}},
		{name: "the default context is the local socket",
			env:   map[string]string{"DOCKER_CONTEXT": "default"},
			files: map[string]string{".docker/config.json": `{"currentContext": "remote"}`},
			want:  Endpoint{Host: "unix:///var/run/docker.sock"}},
		{name: "DOCKER_CONFIG moves the config directory",
			env:   map[string]string{"DOCKER_CONFIG": "HOME/elsewhere"},
			files: map[string]string{".docker/config.json": `{"currentContext": "nowhere"}`, "elsewhere/config.json": `{}`},
			want:  Endpoint{Host: "unix:///var/run/docker.sock"}},
		{name: "an empty config.json", files: map[string]string{".docker/config.json": ""}, want: Endpoint{Host: "unix:///var/run/docker.sock"}},
		{name: "an unknown context", env: map[string]string{"DOCKER_CONTEXT": "gone"},
			wantErr: `docker context "gone" not found`},
		{name: "a broken config.json", files: map[string]string{".docker/config.json": `{"currentContext": `},
			wantErr: "config.json: unexpected end of JSON input"},
		{name: "a context without a Docker endpoint", env: map[string]string{"DOCKER_CONTEXT": "k8s"},
			files:   map[string]string{"META:k8s/meta.json": `{"Name":"k8s","Endpoints":{"kubernetes":{"Host":"https://k8s.example"}}}`},
			wantErr: `docker context "k8s" has no Docker endpoint host`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			home := t.TempDir()
			config := filepath.Join(home, ".docker")
			if d := tt.env["DOCKER_CONFIG"]; d != "" {
				config = strings.Replace(d, "HOME", home, 1)
			}
			place := func(name string) string {
				for _, kind := range []string{"META", "TLS"} {
					if ctx, rest, ok := strings.Cut(strings.TrimPrefix(name, kind+":"), "/"); ok && strings.HasPrefix(name, kind+":") {
						return filepath.Join(contextDir(config, strings.ToLower(kind), ctx), rest)
					}
				}
				return filepath.Join(home, name)
			}
			for name, text := range tt.files {
				p := place(name)
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			getenv := func(k string) string { return strings.Replace(tt.env[k], "HOME", home, 1) }
			goos := tt.goos
			if goos == "" {
				goos = "linux"
			}
			// Paths are compared with forward slashes: the cases of
			// another platform than the one running the test (macOS's on
			// Windows) join the home directory with this one's separator.
			exists := func(p string) bool {
				for _, s := range tt.sockets {
					if strings.Replace(s, "HOME", filepath.ToSlash(home), 1) == filepath.ToSlash(p) {
						return true
					}
				}
				return false
			}
			got, err := ResolveEndpoint(Machine{Getenv: getenv, Home: home, GOOS: goos, Exists: exists})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want := tt.want
			want.Host = strings.Replace(want.Host, "HOME", filepath.ToSlash(home), 1)
			if want.TLSDir != "" {
				want.TLSDir = place(want.TLSDir)
			}
			got.Host = filepath.ToSlash(got.Host)
			if got != want {
				t.Errorf("ResolveEndpoint = %+v, want %+v", got, want)
			}
		})
	}
}

func TestSSHArgs(t *testing.T) {
	tests := []struct {
		host    string
		want    []string
		wantErr string
	}{
		{"ssh://lab.example", []string{"-o", "ConnectTimeout=30", "-T", "--", "lab.example", "docker", "system", "dial-stdio"}, ""},
		{"ssh://grader@lab.example:2222", []string{"-o", "ConnectTimeout=30", "-T", "-l", "grader", "-p", "2222", "--", "lab.example", "docker", "system", "dial-stdio"}, ""},
		{"ssh://grader@lab.example/", []string{"-o", "ConnectTimeout=30", "-T", "-l", "grader", "--", "lab.example", "docker", "system", "dial-stdio"}, ""},
		// A host name that looks like an option stays a host name.
		{"ssh://-oProxyCommand=x", nil, "is not a host name"},
		{"ssh://grader:secret@lab.example", nil, "ssh takes no password"},
		{"ssh://lab.example/var/run/docker.sock", nil, "no path"},
		{"ssh://", nil, "no host name"},
	}
	for _, tt := range tests {
		t.Run(tt.host, func(t *testing.T) {
			got, err := sshArgs(tt.host)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("sshArgs = %q, %v; want an error containing %q", got, err, tt.wantErr)
				}
				if strings.Contains(err.Error(), "secret") {
					t.Errorf("the error shows the password: %v", err)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("sshArgs = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestContextTLS(t *testing.T) {
	certPEM, keyPEM := selfSigned(t)
	tests := []struct {
		name       string
		files      map[string][]byte
		skipVerify bool
		wantNil    bool
		wantErr    string
	}{
		{name: "no files: no TLS", wantNil: true},
		{name: "skip verify alone", skipVerify: true},
		{name: "CA only", files: map[string][]byte{"ca.pem": certPEM}},
		{name: "CA and client certificate", files: map[string][]byte{"ca.pem": certPEM, "cert.pem": certPEM, "key.pem": keyPEM}},
		{name: "a certificate without its key", files: map[string][]byte{"cert.pem": certPEM}, wantErr: "go together"},
		{name: "a CA file with no certificate", files: map[string][]byte{"ca.pem": []byte("junk")}, wantErr: "no certificate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, data := range tt.files {
				if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			cfg, err := contextTLS(dir, tt.skipVerify)
			switch {
			case tt.wantErr != "":
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
			case err != nil:
				t.Fatal(err)
			case tt.wantNil != (cfg == nil):
				t.Fatalf("config = %+v, want nil: %v", cfg, tt.wantNil)
			case cfg != nil && cfg.InsecureSkipVerify != tt.skipVerify:
				t.Errorf("InsecureSkipVerify = %v", cfg.InsecureSkipVerify)
			case cfg != nil && tt.files["cert.pem"] != nil && len(cfg.Certificates) != 1:
				t.Errorf("client certificate not loaded")
			}
		})
	}
}

func selfSigned(t *testing.T) (certPEM, keyPEM []byte) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "engine"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IsCA: true, BasicConstraintsValid: true}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER})
}

// An engine reached through a docker context of ssh:// kind: the ssh on
// PATH here is a stand-in that runs its remote command locally, so the
// test needs the docker CLI (for `docker system dial-stdio`) and an engine.
func TestDockerContextOverSSH(t *testing.T) {
	if _, err := exec.LookPath("docker"); err != nil {
		t.Skip("skipping: no docker CLI for `docker system dial-stdio`")
	}
	newDocker(t) // skips without an engine
	bin := t.TempDir()
	// The stand-in skips the options and the host and runs the command
	// here, without this test's context (a real remote host has its own
	// environment; here it would reach back into ssh).
	fakeSSH := "#!/bin/sh\nwhile [ \"$1\" != -- ]; do shift; done\nshift 2\n" +
		"exec env -u DOCKER_CONTEXT -u DOCKER_CONFIG \"$@\"\n"
	if err := os.WriteFile(filepath.Join(bin, "ssh"), []byte(fakeSSH), 0o755); err != nil {
		t.Fatal(err)
	}
	config := t.TempDir()
	meta := filepath.Join(contextDir(config, "meta", "lab"), "meta.json")
	if err := os.MkdirAll(filepath.Dir(meta), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(meta, []byte(`{"Name":"lab","Endpoints":{"docker":{"Host":"ssh://grader@lab.example"}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	t.Setenv("DOCKER_CONFIG", config)
	t.Setenv("DOCKER_CONTEXT", "lab")
	t.Setenv("DOCKER_HOST", "")

	d, err := NewDocker(context.Background(), &testLog{t})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	// A whole sandbox run goes through it: create, attach (a hijacked
	// connection, half-closed after the job is sent), wait, remove.
	job := Job{Runtime: "python", TimeLimit: 20 * time.Second, Files: []File{
		{Path: "tests/test_ok.py", Data: []byte("def test_ok():\n    assert 1 + 1 == 2\n")},
	}}
	out, err := d.Run(context.Background(), job)
	if err != nil {
		t.Fatal(err)
	}
	if status, msgs := docStatus(t, out); status != "pass" {
		t.Errorf("status %q %v; stderr:\n%s", status, msgs, out.Stderr)
	}

	// An ssh that cannot get in says why. (It is another file, not the
	// first one rewritten, which a process may still be executing.)
	d.Close()
	refusing := t.TempDir()
	failing := "#!/bin/sh\necho 'grader@lab.example: Permission denied (publickey).' >&2\nexit 255\n"
	if err := os.WriteFile(filepath.Join(refusing, "ssh"), []byte(failing), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", refusing+string(os.PathListSeparator)+os.Getenv("PATH"))
	_, err = NewDocker(context.Background(), &testLog{t})
	if err == nil || !strings.Contains(err.Error(), "Permission denied (publickey)") || !strings.Contains(err.Error(), "docker context lab") {
		t.Errorf("err = %v", err)
	}
}

// An endpoint that cannot work is an error that names it, not a crash
// at the first request.
func TestClientOptions(t *testing.T) {
	badCA := t.TempDir()
	if err := os.WriteFile(filepath.Join(badCA, "ca.pem"), []byte("junk"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		ep      Endpoint
		wantErr string
	}{
		{"no host: the library's default", Endpoint{}, ""},
		{"local socket", Endpoint{Host: "unix:///var/run/docker.sock"}, ""},
		{"DOCKER_HOST", Endpoint{Host: "tcp://engine.example:2375", FromEnv: true}, ""},
		{"tcp context", Endpoint{Host: "tcp://engine.example:2375", Context: "lab"}, ""},
		{"ssh", Endpoint{Host: "ssh://grader@lab.example"}, ""},
		{"ssh with a password", Endpoint{Host: "ssh://grader:secret@lab.example"}, "ssh takes no password"},
		{"a context's broken CA", Endpoint{Host: "tcp://engine.example:2376", Context: "lab", TLSDir: badCA}, `docker context "lab": `},
		{"a context's unknown scheme", Endpoint{Host: "ftp", Context: "lab"}, "unable to parse docker host"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts, err := tt.ep.clientOptions()
			if err == nil {
				var c *client.Client
				if c, err = client.New(opts...); err == nil {
					c.Close()
				}
			}
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Errorf("err = %v, want %q", err, tt.wantErr)
			}
		})
	}
}
