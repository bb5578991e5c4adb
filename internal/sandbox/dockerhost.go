package sandbox

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/moby/moby/client"
)

// Endpoint is the Docker engine drill talks to.
type Endpoint struct {
	// Host is the engine's address: unix://, npipe://, tcp:// or ssh://.
	Host string
	// FromEnv: Host is DOCKER_HOST, which the client library reads itself
	// (with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH).
	FromEnv bool
	// Context is the docker context Host came from; "" when it came from
	// DOCKER_HOST or is the platform's default.
	Context string
	// TLSDir holds the context's ca.pem, cert.pem and key.pem (any of
	// them); "" when it has none.
	TLSDir string
	// SkipTLSVerify: the context does not check the engine's certificate.
	SkipTLSVerify bool
}

// Machine is what ResolveEndpoint reads of the machine it runs on, so that
// tests can give each platform's conventions.
type Machine struct {
	Getenv func(string) string
	Home   string // the user's home directory
	GOOS   string // as runtime.GOOS
	// Exists reports whether there is a file (a socket) at path.
	Exists func(path string) bool
}

// ThisMachine is the machine drill runs on.
func ThisMachine() Machine {
	home, _ := os.UserHomeDir()
	return Machine{Getenv: os.Getenv, Home: home, GOOS: runtime.GOOS, Exists: func(path string) bool {
		_, err := os.Stat(path)
		return err == nil
	}}
}

// Engines' addresses where nothing names one, as the docker CLI has them.
const (
	unixSocket = "/var/run/docker.sock"
	// windowsPipe is Docker Desktop's (and Docker Engine's) on Windows.
	windowsPipe = "npipe:////./pipe/docker_engine"
)

// ResolveEndpoint finds the engine as the docker CLI does, so that drill
// uses the engine `docker ps` shows: DOCKER_HOST wins (with DOCKER_TLS_VERIFY
// and DOCKER_CERT_PATH, which the client library reads itself); else the
// context that DOCKER_CONTEXT names, else the currentContext of config.json
// in DOCKER_CONFIG (default home/.docker). Docker Desktop makes a context
// of its own and makes it current (desktop-linux). The context "default"
// is the platform's own engine: the named pipe npipe:////./pipe/docker_engine
// on Windows, else the socket /var/run/docker.sock, or on macOS, where
// Docker Desktop may be set not to make that one, its socket in
// home/.docker/run/docker.sock when only that is there.
func ResolveEndpoint(m Machine) (Endpoint, error) {
	if h := m.Getenv("DOCKER_HOST"); h != "" {
		return Endpoint{Host: h, FromEnv: true}, nil
	}
	dir := m.Getenv("DOCKER_CONFIG")
	if dir == "" {
		dir = filepath.Join(m.Home, ".docker")
	}
	name := m.Getenv("DOCKER_CONTEXT")
	if name == "" {
		data, err := os.ReadFile(filepath.Join(dir, "config.json"))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return Endpoint{}, err
		}
		if len(bytes.TrimSpace(data)) > 0 {
			var cfg struct {
				CurrentContext string `json:"currentContext"`
			}
			if err := json.Unmarshal(data, &cfg); err != nil {
				return Endpoint{}, fmt.Errorf("%s: %v", filepath.Join(dir, "config.json"), err)
			}
			name = cfg.CurrentContext
		}
	}
	if name == "" || name == "default" {
		return Endpoint{Host: m.defaultHost()}, nil
	}
	// The docker CLI keeps a context under the SHA-256 of its name, so any
	// name is a safe directory name.
	sum := sha256.Sum256([]byte(name))
	id := hex.EncodeToString(sum[:])
	metaFile := filepath.Join(dir, "contexts", "meta", id, "meta.json")
	data, err := os.ReadFile(metaFile)
	if errors.Is(err, fs.ErrNotExist) {
		return Endpoint{}, fmt.Errorf("docker context %q not found (no %s; `docker context ls` lists the contexts)", name, metaFile)
	}
	if err != nil {
		return Endpoint{}, err
	}
	var meta struct {
		Endpoints map[string]struct {
			Host          string
			SkipTLSVerify bool
		}
	}
	if err := json.Unmarshal(data, &meta); err != nil {
		return Endpoint{}, fmt.Errorf("docker context %q: %s: %v", name, metaFile, err)
	}
	docker := meta.Endpoints["docker"]
	if docker.Host == "" {
		return Endpoint{}, fmt.Errorf("docker context %q has no Docker endpoint host (%s)", name, metaFile)
	}
	ep := Endpoint{Host: docker.Host, Context: name, SkipTLSVerify: docker.SkipTLSVerify}
	if tlsDir := filepath.Join(dir, "contexts", "tls", id, "docker"); isDir(tlsDir) {
		ep.TLSDir = tlsDir
	}
	return ep, nil
}

// defaultHost is the platform's own engine (see ResolveEndpoint).
func (m Machine) defaultHost() string {
	switch m.GOOS {
	case "windows":
		return windowsPipe
	case "darwin":
		desktop := filepath.Join(m.Home, ".docker", "run", "docker.sock")
		if !m.Exists(unixSocket) && m.Exists(desktop) {
			return "unix://" + desktop
		}
	}
	return "unix://" + unixSocket
}

// String names the engine for messages.
func (e Endpoint) String() string {
	if e.Context != "" {
		return e.Host + " (docker context " + e.Context + ")"
	}
	return e.Host
}

// clientOptions configure the Engine API client for the endpoint.
func (e Endpoint) clientOptions() ([]client.Opt, error) {
	// FromEnv also reads DOCKER_API_VERSION, which applies to contexts too.
	opts := []client.Opt{client.FromEnv}
	if e.Context != "" {
		cfg, err := contextTLS(e.TLSDir, e.SkipTLSVerify)
		if err != nil {
			return nil, fmt.Errorf("docker context %q: %v", e.Context, err)
		}
		if cfg != nil {
			opts = append(opts, client.WithHTTPClient(&http.Client{
				Transport:     &http.Transport{TLSClientConfig: cfg},
				CheckRedirect: client.CheckRedirect,
			}))
		}
	}
	if !e.FromEnv && e.Host != "" {
		opts = append(opts, client.WithHost(e.Host))
	}
	if strings.HasPrefix(e.Host, "ssh://") {
		args, err := sshArgs(e.Host)
		if err != nil {
			return nil, err
		}
		// The HTTP host is a placeholder: every connection is dialled
		// through ssh, whatever its address.
		opts = append(opts, client.WithHost("http://docker.example.com"), client.WithDialContext(sshDialer(args)))
	}
	return opts, nil
}

// contextTLS is the TLS configuration of a context's files in dir; nil
// when the context uses no TLS.
func contextTLS(dir string, skipVerify bool) (*tls.Config, error) {
	read := func(name string) ([]byte, error) {
		if dir == "" {
			return nil, nil
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return data, err
	}
	ca, err := read("ca.pem")
	if err != nil {
		return nil, err
	}
	cert, err := read("cert.pem")
	if err != nil {
		return nil, err
	}
	key, err := read("key.pem")
	if err != nil {
		return nil, err
	}
	if ca == nil && cert == nil && key == nil && !skipVerify {
		return nil, nil
	}
	cfg := &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: skipVerify}
	if ca != nil {
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(ca) {
			return nil, fmt.Errorf("%s: no certificate in it", filepath.Join(dir, "ca.pem"))
		}
		cfg.RootCAs = pool
	}
	if (cert == nil) != (key == nil) {
		return nil, fmt.Errorf("%s: cert.pem and key.pem go together; only one is there", dir)
	}
	if cert != nil {
		pair, err := tls.X509KeyPair(cert, key)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", dir, err)
		}
		cfg.Certificates = []tls.Certificate{pair}
	}
	return cfg, nil
}

// sshArgs are the arguments of the ssh command that reaches the engine of
// an ssh://[user@]host[:port] address, as the docker CLI runs it: the
// remote `docker system dial-stdio` joins ssh's standard streams to the
// engine's socket.
func sshArgs(host string) ([]string, error) {
	u, err := url.Parse(host)
	if err != nil {
		return nil, fmt.Errorf("docker host %q: %v", host, err)
	}
	if u.Hostname() == "" {
		return nil, fmt.Errorf("docker host %q: no host name", host)
	}
	if strings.HasPrefix(u.Hostname(), "-") {
		return nil, fmt.Errorf("docker host %q: %q is not a host name", host, u.Hostname())
	}
	if _, hasPassword := u.User.Password(); hasPassword {
		return nil, fmt.Errorf("docker host %q: ssh takes no password in the address; use a key or ssh-agent", u.Redacted())
	}
	if u.Path != "" && u.Path != "/" || u.RawQuery != "" {
		return nil, fmt.Errorf("docker host %q: an ssh address has no path or query", host)
	}
	args := []string{"-o", "ConnectTimeout=30", "-T"}
	if name := u.User.Username(); name != "" {
		args = append(args, "-l", name)
	}
	if port := u.Port(); port != "" {
		args = append(args, "-p", port)
	}
	return append(args, "--", u.Hostname(), "docker", "system", "dial-stdio"), nil
}

// sshDialer opens each connection to the engine as a new ssh process.
func sshDialer(args []string) func(ctx context.Context, network, addr string) (net.Conn, error) {
	return func(ctx context.Context, _, _ string) (net.Conn, error) {
		// Not CommandContext: the connection outlives the dial's context.
		cmd := exec.Command("ssh", args...)
		// Out of the terminal's reach, so that a Ctrl-C there does not cut
		// the connection drill needs to remove its sandboxes.
		ownProcessGroup(cmd)
		c := &cmdConn{cmd: cmd, stderr: capped{max: 4 << 10}}
		cmd.Stderr = &c.stderr
		var err error
		if c.stdin, err = cmd.StdinPipe(); err != nil {
			return nil, err
		}
		if c.stdout, err = cmd.StdoutPipe(); err != nil {
			return nil, err
		}
		if err := cmd.Start(); err != nil {
			return nil, fmt.Errorf("%w: run ssh: %v", ErrUnavailable, err)
		}
		return c, nil
	}
}

// cmdConn is a connection carried by a command's standard streams.
type cmdConn struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout io.ReadCloser
	stderr capped // the first few KiB of what the command prints, for errors
	once   sync.Once
	worked atomic.Bool // something came back: an end of the stream is then normal
}

func (c *cmdConn) Read(p []byte) (int, error) {
	n, err := c.stdout.Read(p)
	if n > 0 {
		c.worked.Store(true)
	}
	if err != nil && n == 0 {
		err = c.explain(err)
	}
	return n, err
}

func (c *cmdConn) Write(p []byte) (int, error) {
	n, err := c.stdin.Write(p)
	if err != nil {
		err = c.explain(err)
	}
	return n, err
}

// explain turns the end of a stream that never carried anything (an EOF, a
// broken pipe) into what ssh said, once it has exited: a refused key or
// an unknown host says more than "EOF".
func (c *cmdConn) explain(err error) error {
	if c.worked.Load() {
		return err
	}
	exited := make(chan struct{})
	go func() { c.wait(); close(exited) }()
	select {
	case <-exited:
	case <-time.After(2 * time.Second):
	}
	printed, _ := c.stderr.result()
	if msg := strings.TrimSpace(string(printed)); msg != "" {
		return fmt.Errorf("ssh: %s", strings.TrimPrefix(msg, "ssh: "))
	}
	return err
}

// CloseWrite ends what drill sends, as the attach to a sandbox needs.
func (c *cmdConn) CloseWrite() error { return c.stdin.Close() }

func (c *cmdConn) Close() error {
	_ = c.stdin.Close()
	_ = c.cmd.Process.Kill()
	c.wait()
	return nil
}

// wait waits for the command to exit, once however often it is called.
func (c *cmdConn) wait() { c.once.Do(func() { _ = c.cmd.Wait() }) }

func (c *cmdConn) LocalAddr() net.Addr  { return cmdAddr{} }
func (c *cmdConn) RemoteAddr() net.Addr { return cmdAddr{} }

// Deadlines are not supported by pipes to a process; the Engine API
// client bounds its requests with contexts instead.
func (c *cmdConn) SetDeadline(time.Time) error      { return nil }
func (c *cmdConn) SetReadDeadline(time.Time) error  { return nil }
func (c *cmdConn) SetWriteDeadline(time.Time) error { return nil }

type cmdAddr struct{}

func (cmdAddr) Network() string { return "ssh" }
func (cmdAddr) String() string  { return "ssh" }

func isDir(name string) bool {
	st, err := os.Stat(name)
	return err == nil && st.IsDir()
}
