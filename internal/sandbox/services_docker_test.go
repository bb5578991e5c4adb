package sandbox

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// A job in an image with servers finds them answering when it comes, in a
// fresh sandbox as in a spare; their files are theirs, and what one job
// stored is not there for the next (each gets a sandbox of its own, a
// batch included).
func TestDockerServicesStartBeforeTheJob(t *testing.T) {
	d := newDocker(t)
	job := Job{
		Runtime: ImageKey("python", []string{"redis", "postgres"}),
		Files: []File{{Path: "tests/test_servers.py", Data: []byte(`import os, psycopg, redis

def test_answering_and_empty():
    r = redis.Redis.from_url(os.environ["REDIS_URL"])
    assert r.incr("jobs") == 1
    with psycopg.connect() as conn:
        conn.execute("CREATE TABLE t (x int)")
    assert sorted(os.listdir("/srv")) == ["log", "postgres", "redis", "run", "tmp"]
    assert os.stat("/srv/postgres").st_uid == 10003 and not os.access("/srv/postgres", os.R_OK)
`)}},
		TimeLimit: 10 * time.Second,
	}
	for i := range 2 {
		out, err := d.Run(context.Background(), job)
		if err != nil {
			t.Fatalf("run %d: %v", i, err)
		}
		if status, failed := docStatus(t, out); status != "pass" {
			t.Fatalf("run %d: %s %v\n%s", i, status, failed, out.Stderr)
		}
	}
	outs, err := d.RunBatch(context.Background(), []Job{job, job})
	if err != nil {
		t.Fatal(err)
	}
	for i, out := range outs {
		if status, failed := docStatus(t, out); status != "pass" {
			t.Errorf("batch job %d: %s %v", i, status, failed)
		}
	}
}

// A server that cannot start is the sandbox's failure, naming the server:
// never a learner's failing test.
func TestDockerServiceThatCannotStart(t *testing.T) {
	d := newDocker(t)
	// PostgreSQL's data does not fit in a /srv of one MiB.
	d.limits.ServiceSize, d.spareTTL = "1m", 0
	job := Job{
		Runtime:   ImageKey("python", []string{"postgres"}),
		Files:     []File{{Path: "tests/test_ok.py", Data: []byte("def test_ok():\n    assert True\n")}},
		TimeLimit: 10 * time.Second,
	}
	_, err := d.Run(context.Background(), job)
	if !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), "service postgres did not start") {
		t.Fatalf("want the sandbox's failure naming postgres, got %v", err)
	}
	t.Log(err)
}
