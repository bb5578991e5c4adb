//go:build unix

package sandbox

import (
	"os/exec"
	"syscall"
)

// ownProcessGroup starts cmd in a process group of its own: the terminal
// sends Ctrl-C's SIGINT to its foreground group, drill's, and not to cmd.
func ownProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}
