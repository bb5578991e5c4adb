//go:build windows

package sandbox

import (
	"os/exec"
	"syscall"
)

// ownProcessGroup starts cmd as the root of a process group of its own,
// which Windows starts with Ctrl-C turned off: a Ctrl-C in the console
// reaches drill (os.Interrupt) and not cmd, as a process group does on
// Unix.
func ownProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{CreationFlags: syscall.CREATE_NEW_PROCESS_GROUP}
}
