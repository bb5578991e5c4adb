# Two commands set everything up:
#   make setup   build bin/drill and the sandbox images (the main job)
#   make test    vet and the whole test suite; the Docker tests build the
#                images they need (and skip, saying so, where there is no engine)
.PHONY: setup test test-under-load bench docs drill images debootstrap bench-tools

GO ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)

setup: drill images

drill:
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o bin/drill ./cmd/drill

# The images build from Debian packages. Where the Docker engine cannot pull
# debian:trixie-slim, drill makes the base with debootstrap, which this
# installs on Debian and Ubuntu when it is missing.
images: drill debootstrap
	bin/drill images build

debootstrap:
	@if ! command -v debootstrap >/dev/null && command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		echo "Installing debootstrap (to build sandbox images without a registry)..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; \
	fi

test: drill debootstrap
	$(GO) vet ./...
	$(GO) test -count=1 ./...
	@# The checks above leave spare sandboxes ready; they expire by
	@# themselves, but a test run should leave nothing behind.
	@bin/drill clean >/dev/null 2>&1 || true

# The same suite with two busy loops beside it, as on a machine shared with
# other work: no verdict may change (time limits are CPU time).
test-under-load:
	@yes >/dev/null & a=$$!; yes >/dev/null & b=$$!; \
	trap 'kill $$a $$b 2>/dev/null' EXIT INT TERM; \
	$(MAKE) --no-print-directory test

# docs/commands.md, from the commands' own help (a test fails when it is
# out of date).
docs:
	$(GO) test ./internal/cli -run TestCommandsDocIsUpToDate -update -count=1

# The benchmarks. The floor they compare drill with is pytest and Django on
# the host, from Debian's packages, which this installs (with tmux and GNU
# time) when root on Debian or Ubuntu. BENCH_ARGS: e.g. --runs 5.
bench: setup bench-tools
	/usr/bin/python3 bench/bench.py $(BENCH_ARGS)

bench-tools:
	@if ! { /usr/bin/python3 -c "import pytest, pytest_django, django" && command -v tmux && test -x /usr/bin/time; } >/dev/null 2>&1 \
		&& command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		echo "Installing the benchmarks' tools (python3-pytest, python3-pytest-django, python3-django, tmux, time)..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			python3-pytest python3-pytest-django python3-django tmux time >/dev/null; \
	fi
