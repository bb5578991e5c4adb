//go:build !unix

package workspace

// lockState is a no-op where flock is not available; the state is still
// written atomically, but two simultaneous checks may lose one update.
func (w *Workspace) lockState() (unlock func(), err error) { return func() {}, nil }
