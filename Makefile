# tlsprint — developer and CI entry points. `make test` is the test command (README, .ci/run).
SWIFT ?= swift
TLSPRINT_SHARED ?= ../shared
export TLSPRINT_SHARED

DEB_PACKAGES := libpcap-dev python3 python3-yaml openssl rsyslog rsyslog-openssl iproute2 tcpdump curl gnutls-bin \
	binutils dpkg-dev apt util-linux systemd man-db groff-base zsh fish
# binutils: objcopy strips the release binary (scripts/build-release.sh); dpkg-dev: dpkg-shlibdeps and
# dpkg-gencontrol (make deb); util-linux: unshare (the hidden-toolchain runs); systemd: systemd-analyze verify
# (no running systemd needed); man-db and groff-base render the man pages; zsh and fish parse-check the
# completions (scripts/packaging/check-deb.sh); python3-yaml: scripts/ecs/validate.py reads ECS's field
# definitions (the ECS encoding's tests).
# prometheus: its /usr/bin/promtool checks what `live --metrics-listen` serves (scripts/live/metrics.sh). Installed
# without recommends (they add prometheus-node-exporter, smartmontools and ~20 more); its postinst only enables
# prometheus.service, which nothing here runs (with no systemd as PID 1, or a policy-rc.d, it does not start).
NO_RECOMMENDS_PACKAGES := prometheus
# Only `make deb-root-test` and `make image` (outside CI) need these: debootstrap for a fresh Debian root,
# podman to build and run the image.
PACKAGING_PACKAGES := debootstrap podman
PREFIX ?= /usr/local
DESTDIR ?=
# Only `make bench` needs these (not `make test`): the floor's compiler and libpcap, GNU time for peak RSS,
# tshark for comparison, valgrind for BENCH_ALLOCS=1.
BENCH_PACKAGES := gcc libpcap-dev python3 time tshark valgrind
# -warnings-as-errors reaches only this package's Swift modules: SwiftPM builds remote
# dependencies with warnings suppressed, so it does not break swift-crypto & co (checked with 6.3.1).
# The tests then run from that same build (--skip-build) instead of rebuilding without the flag.
WERROR := -Xswiftc -warnings-as-errors

.PHONY: deps bench-deps packaging-deps build lint test e2e demo bench stress install deb deb-root-test image

## deps: install the Debian packages the build and tests need, only those missing (dpkg -s).
deps:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; \
	fi
	@missing=""; for p in $(NO_RECOMMENDS_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing (no recommends):$$missing"; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	fi

build:
	$(SWIFT) build

## lint: swift-format, then ARCHITECTURE.md against the tree and Package.swift (and the lint's own self-test).
lint:
	$(SWIFT) format lint --strict -r Sources Tests
	SWIFT=$(SWIFT) scripts/lint-architecture.sh
	SWIFT=$(SWIFT) scripts/lint-architecture.sh --self-test

## test: deps, lint, warning-free build, tests, live end-to-end in network namespaces (events, then metrics
## scraped and checked with promtool), AddressSanitizer
## tests, short fuzz run.
test: deps lint
	$(SWIFT) build --build-tests $(WERROR)
	$(SWIFT) test --skip-build
	scripts/live/e2e.sh
	scripts/live/metrics.sh
	scripts/live/verify-unit.sh
	scripts/packaging/check-static.sh
	scripts/packaging/check-deb.sh
	LSAN_OPTIONS=suppressions=$(CURDIR)/.lsan-suppressions $(SWIFT) test --sanitize=address --scratch-path .build-asan
	@if [ -x Fuzz/run.sh ]; then Fuzz/run.sh 20; else echo "Fuzz/run.sh not present: fuzzing skipped"; fi

e2e:
	scripts/live/e2e.sh
	scripts/live/metrics.sh

demo: deps
	"$$(scripts/build-release.sh)" read Tests/Fixtures/captures/sample.pcap

## bench-deps: install the missing BENCH_PACKAGES as root (tshark's setuid question answered no); else say how.
bench-deps:
	@missing=""; for p in $(BENCH_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ] && [ "$$(id -u)" != 0 ]; then \
	  echo "make bench needs:$$missing (run make bench-deps as root, or apt-get install$$missing)"; \
	elif [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; \
	fi

## bench: throughput against the floor and tshark, per-packet and per-handshake costs (Benchmarks/run.sh).
bench: bench-deps
	Benchmarks/run.sh

stress:
	scripts/stress/run.sh

## install: the release binary, man pages, bash/zsh/fish completions, the systemd unit (PREFIX/lib/systemd/system)
## and /etc/default/tlsprint (kept if present), docs in PREFIX/share/doc/tlsprint (scripts/packaging/install.sh).
install:
	PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" scripts/packaging/install.sh

## deb: dist/tlsprint_VERSION_ARCH.deb from the release binary (scripts/packaging/build-deb.sh).
deb:
	scripts/packaging/build-deb.sh

## packaging-deps: install the missing PACKAGING_PACKAGES (deb-root-test and image only).
packaging-deps:
	@missing=""; for p in $(PACKAGING_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; \
	fi

## deb-root-test (outside CI): install the .deb into a fresh debootstrap root, run --version, a read, the unit's
## command with its env file, then purge (scripts/packaging/deb-root-test.sh).
deb-root-test: deps packaging-deps
	scripts/packaging/deb-root-test.sh

## image (outside CI): podman build of packaging/Dockerfile on a debootstrap base, then run it (scripts/packaging/image.sh).
image: deps packaging-deps
	scripts/packaging/image.sh
