package workspace

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"time"

	"github.com/drill-dev/drill/internal/filelock"
	"github.com/drill-dev/drill/internal/safefs"
)

const stateVersion = 1

// ErrCorruptState means the progress file exists but cannot be read as one.
var ErrCorruptState = errors.New("the progress file is damaged")

// State is the learner's progress, kept in .drill/state.json.
type State struct {
	Version int `json:"version"`
	// Bank is the on-disk bank the workspace was made from; "" for the
	// bank built into drill.
	Bank      string               `json:"bank,omitempty"`
	Exercises map[string]*Progress `json:"exercises"`
}

// Progress is one exercise's progress.
type Progress struct {
	Done       bool      `json:"done"`
	DoneAt     time.Time `json:"done_at,omitzero"`
	HintsShown int       `json:"hints_shown,omitempty"`
}

// Of returns the exercise's progress, creating an empty one.
func (s *State) Of(id string) *Progress {
	p := s.Exercises[id]
	if p == nil {
		p = &Progress{}
		s.Exercises[id] = p
	}
	return p
}

// Done reports whether the exercise has passed.
func (s *State) Done(id string) bool {
	p := s.Exercises[id]
	return p != nil && p.Done
}

// maxState is the most drill reads of the progress state, in bytes: far
// more than every exercise's progress needs.
const maxState = 16 << 20

// LoadState reads the progress state: never through a link, never
// blocking on a FIFO, no more than maxState.
func (w *Workspace) LoadState() (*State, error) {
	data, err := w.readState()
	if errors.Is(err, fs.ErrNotExist) {
		// Deleted by hand: start again from no progress.
		return &State{Version: stateVersion, Exercises: map[string]*Progress{}}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read progress: %w", err)
	}
	var s State
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("%w (%s: %v); fix it, or delete it to start again with no progress recorded", ErrCorruptState, w.statePath(), err)
	}
	if s.Version != stateVersion {
		return nil, fmt.Errorf("%w (%s: version %d is not supported by this drill)", ErrCorruptState, w.statePath(), s.Version)
	}
	if s.Exercises == nil {
		s.Exercises = map[string]*Progress{}
	}
	return &s, nil
}

func (w *Workspace) readState() ([]byte, error) {
	ws, err := safefs.Open(w.Root)
	if err != nil {
		return nil, err
	}
	defer ws.Close()
	return safefs.ReadFile(ws, path.Join(stateDir, "state.json"), maxState)
}

// SaveState writes the progress state atomically, beneath the workspace
// and through no link: a crash leaves either the old state or the new
// one, never a mix.
func (w *Workspace) SaveState(s *State) error {
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	ws, err := safefs.Open(w.Root)
	if err != nil {
		return fmt.Errorf("save progress: %w", err)
	}
	defer ws.Close()
	// 0o600: the progress is the learner's own.
	if err := ws.Replace(path.Join(stateDir, "state.json"), append(data, '\n'), 0o600); err != nil {
		return fmt.Errorf("save progress: %w", err)
	}
	return nil
}

// Update changes the progress state under the workspace's lock: fn gets the
// state as it is on disk now, and what it leaves is saved atomically. The
// wait for the lock ends with ctx (Ctrl-C), the error then wrapping
// ctx.Err().
func (w *Workspace) Update(ctx context.Context, fn func(*State) error) error {
	// Under a lock, so two drills in one workspace (two checks at once)
	// never lose each other's progress. Its holders keep it for as long as
	// a read and a write of the state take, unless one is stopped (Ctrl-Z)
	// while it holds it: hence a wait that ctx can end.
	unlock, err := filelock.Lock(ctx, filepath.Join(w.Root, stateDir, "state.lock"))
	if err != nil {
		return fmt.Errorf("lock progress: %w", err)
	}
	defer unlock()
	s, err := w.LoadState()
	if err != nil {
		return err
	}
	if err := fn(s); err != nil {
		return err
	}
	return w.SaveState(s)
}

// MarkDone records that the exercise passed, and returns the progress as
// it now stands; ctx ends the wait for the lock, as in Update.
func (w *Workspace) MarkDone(ctx context.Context, id string, at time.Time) (*State, error) {
	var state *State
	err := w.Update(ctx, func(s *State) error {
		s.Of(id).SetDone(true, at)
		state = s
		return nil
	})
	return state, err
}

// SetDone records whether the exercise passes; DoneAt stays the time it
// first passed.
func (p *Progress) SetDone(done bool, at time.Time) {
	if p.Done == done {
		return
	}
	p.Done = done
	p.DoneAt = time.Time{}
	if done {
		p.DoneAt = at.UTC()
	}
}
