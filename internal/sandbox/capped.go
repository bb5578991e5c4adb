package sandbox

import "sync"

// capped keeps the first max bytes written to it and calls over, once, as
// soon as more arrive. It never returns an error, so a copy into it goes on
// draining the stream while the job is being killed.
type capped struct {
	mu   sync.Mutex
	buf  []byte
	max  int
	over func()
	hit  bool
}

func (c *capped) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	room := c.max - len(c.buf)
	if len(p) <= room {
		c.buf = append(c.buf, p...)
		return len(p), nil
	}
	if room > 0 {
		c.buf = append(c.buf, p[:room]...)
	}
	if !c.hit {
		c.hit = true
		if c.over != nil {
			c.over()
		}
	}
	return len(p), nil
}

func (c *capped) result() ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.buf, c.hit
}
