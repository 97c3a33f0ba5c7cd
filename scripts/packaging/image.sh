#!/usr/bin/env bash
# scripts/packaging/image.sh — builds and runs the container image of packaging/Dockerfile with podman (`make
# image`; outside CI). No image registry is reachable here, so the Dockerfile's base is the debootstrap root
# of scripts/packaging/debian-root.sh imported as localhost/debian-local:SUITE. Then:
#   podman build  (the .deb installed by apt inside the build, dependencies from the Debian mirror)
#   podman run tlsprint:VERSION --version          must print what the built binary prints
#   podman run tlsprint:VERSION read sample.pcap   must print the sample's golden output
# podman runs rootful with its storage in dist/podman (vfs: no overlay mounts needed), cgroupfs (no systemd
# here), the host network and chroot isolation for build steps; PODMAN_FLAGS replaces those global flags.
# Tags the image tlsprint:VERSION and tlsprint:latest.
#
# Two things this sandbox needs (found by trying; both harmless elsewhere):
# - crun refuses a hybrid cgroup layout whose v2 hierarchy has a controller ("cgroups in hybrid mode not
#   supported, drop all controllers from cgroupv2"; here hugetlb in /sys/fs/cgroup/unified). The script then
#   runs in a private mount namespace without that mount, so crun sees plain cgroup v1; the host keeps it.
# - podman asks for 1048576 open files and processes unless told otherwise, and crun cannot raise a limit
#   without CAP_SYS_RESOURCE ("setrlimit `RLIMIT_NOFILE`: Operation not permitted"), so `podman run` gets the
#   limits it already has: the hard open-files limit, and the process limit capped at kernel.pid_max (podman
#   lowers its own process limit to that).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
started=$SECONDS
fail() { echo "image: FAIL: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "needs root (rootful podman)"
command -v podman >/dev/null || fail "podman is not installed (make packaging-deps)"
if [ -z "${TLSPRINT_IMAGE_NAMESPACE:-}" ] && mountpoint -q /sys/fs/cgroup/unified \
    && [ -n "$(cat /sys/fs/cgroup/unified/cgroup.controllers)" ]; then
    TLSPRINT_IMAGE_NAMESPACE=1 exec unshare -m "$0" "$@"
fi
[ -z "${TLSPRINT_IMAGE_NAMESPACE:-}" ] || umount /sys/fs/cgroup/unified
# shellcheck disable=SC2206  # PODMAN_FLAGS is a list of flags
podman=(podman ${PODMAN_FLAGS:---root "$root/dist/podman/storage" --runroot "$root/dist/podman/run" --storage-driver vfs --cgroup-manager cgroupfs --events-backend file})
tarball=$(scripts/packaging/debian-root.sh)
deb=$(scripts/packaging/build-deb.sh)
version=$("$root/dist/bin/tlsprint" --version)
suite=$(basename "$tarball" .tar | sed 's/^debian-//; s/-minbase$//')
base="localhost/debian-local:$suite"

if ! "${podman[@]}" image exists "$base"; then
    echo "image: podman import $(basename "$tarball") as $base" >&2
    "${podman[@]}" import "$tarball" "$base" >/dev/null 2>&1
fi
context="$root/dist/image"
rm -rf "$context"
mkdir -p "$context"
cp "$deb" "$context/"
tag="tlsprint:${version%% *}"
echo "image: podman build -f packaging/Dockerfile --build-arg BASE=$base -t $tag" >&2
"${podman[@]}" build --isolation chroot --network host --build-arg "BASE=$base" -f packaging/Dockerfile \
    -t "$tag" -t tlsprint:latest "$context" >"$root/dist/image-build.log" 2>&1 \
    || { tail -30 "$root/dist/image-build.log" >&2; fail "podman build (log: dist/image-build.log)"; }

nofile=$(ulimit -Hn)
nproc=$(ulimit -Hu)
pid_max=$(cat /proc/sys/kernel/pid_max)
if [ "$nproc" = unlimited ] || [ "$nproc" -gt "$pid_max" ]; then nproc=$pid_max; fi
[ "$nofile" != unlimited ] || nofile=1048576
run=("${podman[@]}" run --rm --network host --ulimit "nofile=$nofile:$nofile" --ulimit "nproc=$nproc:$nproc")
inside=$("${run[@]}" "$tag" --version) || fail "podman run $tag --version"
[ "$inside" = "$version" ] || fail "the image's tlsprint --version says '$inside', not '$version'"
"${run[@]}" -v "$root/Tests/Fixtures/captures:/data:ro" "$tag" \
    read --format json --dedup-ttl 0 --node-name golden --quiet /data/sample.pcap >"$root/dist/image-read.jsonl" \
    || fail "podman run $tag read /data/sample.pcap"
python3 scripts/golden/without-added-fields.py <"$root/dist/image-read.jsonl" \
    | cmp -s - Tests/Fixtures/golden/fixtures/sample.pcap.jsonl \
    || fail "tlsprint read in the container differs from the golden output"
size=$("${podman[@]}" image inspect --format '{{.Size}}' "$tag")
echo "image: $tag ($size bytes): --version: $inside; read of the sample equals its golden output"
echo "image: PASS ($((SECONDS - started)) s)"
