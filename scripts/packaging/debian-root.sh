#!/usr/bin/env bash
# scripts/packaging/debian-root.sh — makes (once) a pristine minimal Debian root with debootstrap, as a tarball,
# and prints its path: dist/debian-SUITE-minbase.tar. `make deb-root-test` unpacks a fresh copy for every run;
# `make image` imports it as the podman base image (no image registry is reachable here).
#   SUITE   default: this machine's release (VERSION_CODENAME of /etc/os-release), e.g. bookworm
#   MIRROR  default: the first Debian archive URI of /etc/apt/sources.list* (the mirror apt uses here)
# Downloaded packages are kept in dist/debootstrap-cache, so making the root again needs no download.
# Needs root and debootstrap (`make packaging-deps`).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
fail() { echo "debian-root: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "needs root (debootstrap)"
command -v debootstrap >/dev/null || fail "debootstrap is not installed (make packaging-deps)"
# shellcheck disable=SC1091  # /etc/os-release is the host's
suite=${SUITE:-$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")}
if [ -z "${MIRROR:-}" ]; then
    # deb822 ("URIs: …") or one-line ("deb URI suite …") sources; the archive, not the security one.
    MIRROR=$({ cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null || true; } \
        | sed -nE 's#^(URIs:[[:space:]]*|deb[[:space:]]+(\[[^]]*\][[:space:]]+)?)([a-z]+://[^[:space:]]*/debian)/?([[:space:]].*)?$#\3#p' \
        | head -1)
    [ -n "$MIRROR" ] || fail "no Debian archive in /etc/apt/sources.list*: set MIRROR=URL"
fi
tarball="$root/dist/debian-$suite-minbase.tar"
if [ ! -s "$tarball" ]; then
    work="$root/dist/debootstrap-work"
    rm -rf "$work"
    mkdir -p "$root/dist/debootstrap-cache"
    echo "debian-root: debootstrap --variant=minbase $suite from $MIRROR" >&2
    debootstrap --variant=minbase --cache-dir="$root/dist/debootstrap-cache" "$suite" "$work" "$MIRROR" >&2 \
        || fail "debootstrap failed (log: $work/debootstrap/debootstrap.log)"
    rm -rf "$work"/var/cache/apt/archives/*.deb "$work"/var/lib/apt/lists/*
    tar -C "$work" --numeric-owner -cf "$tarball.new" .
    mv "$tarball.new" "$tarball"
    rm -rf "$work"
fi
echo "$tarball"
