# Two commands set everything up:
#   make setup   build bin/drill and the sandbox images (the main job)
#   make test    vet and the whole test suite; the Docker tests build the
#                images they need (and skip, saying so, where there is no engine);
#                then the harness's own tests (make test-harness)
# and for maintainers:
#   make release archives of drill for the six platforms, with checksums, in dist/
.PHONY: setup test test-harness harness-deps test-under-load bench docs drill images debootstrap bench-tools release

GO ?= go
# The version is the latest tag (and how far past it); "dev" before the
# first. The commit is the one built, -dirty with uncommitted changes.
VERSION ?= $(shell git describe --tags --dirty 2>/dev/null || echo dev)
COMMIT ?= $(shell git rev-parse HEAD 2>/dev/null)$(shell git diff --quiet HEAD 2>/dev/null || echo -dirty)
LDFLAGS = -X main.version=$(VERSION) -X main.commit=$(COMMIT)
PLATFORMS = linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64

setup: drill images

drill:
	$(GO) build -ldflags "$(LDFLAGS)" -o bin/drill ./cmd/drill

# One archive per platform (zip for Windows, tar.gz for the others) holding
# drill and the README, and checksums.txt (SHA-256, as `sha256sum -c`
# reads it). The binary is all a learner needs: the exercises are in it,
# and the sandbox images are built on first use.
release:
	@rm -rf dist && mkdir -p dist
	@set -e; for p in $(PLATFORMS); do \
		os=$${p%/*}; arch=$${p#*/}; name=drill_$(VERSION)_$${os}_$${arch}; exe=drill; \
		if [ $$os = windows ]; then exe=drill.exe; fi; \
		mkdir -p dist/$$name; \
		CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -ldflags "-s -w $(LDFLAGS)" -o dist/$$name/$$exe ./cmd/drill; \
		cp README.md dist/$$name/; \
		if [ $$os = windows ]; then \
			(cd dist && if command -v zip >/dev/null; then zip -qr $$name.zip $$name; else python3 -m zipfile -c $$name.zip $$name; fi); \
		else tar -C dist -czf dist/$$name.tar.gz $$name; fi; \
		rm -rf dist/$$name; \
	done
	@cd dist && sha256sum drill_* > checksums.txt && cat checksums.txt

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
	$(MAKE) --no-print-directory test-harness

# The harness's Python modules, tested on the host with Debian's
# python3-pytest, python3-hypothesis and python3-django (no image needed),
# which this installs on Debian and Ubuntu when they are missing.
test-harness: harness-deps
	/usr/bin/python3 -m pytest sandbox/harness/tests -q

harness-deps:
	@if ! /usr/bin/python3 -c "import pytest, hypothesis, django" 2>/dev/null && command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		echo "Installing python3-pytest, python3-hypothesis and python3-django (for the harness's tests)..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-pytest python3-hypothesis python3-django >/dev/null; \
	fi

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
