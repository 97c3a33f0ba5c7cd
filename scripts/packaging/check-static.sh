#!/usr/bin/env bash
# scripts/packaging/check-static.sh — proves the release binary runs on a host without a Swift toolchain:
#   1. `ldd` names no Swift library (only glibc, libstdc++, libgcc_s, libpcap and what libpcap pulls in);
#   2. in a private mount namespace with an empty tmpfs over the toolchain's directory, the debug build (linked
#      against the toolchain's shared runtime) fails to start — so the toolchain really is hidden — and
#      `tlsprint read` of the release binary prints, byte for byte, the golden output of the bundled sample
#      (the fields added since the record set aside by scripts/golden/without-added-fields.py).
# Needs root for `unshare -m`; without it, says so and exits 0 (CI runs as root).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
binary=$(scripts/build-release.sh)
# shellcheck source=scripts/packaging/hidden-toolchain.sh
. scripts/packaging/hidden-toolchain.sh   # $toolchain (e.g. /opt/swift/usr) and hidden CMD...
sample=Tests/Fixtures/captures/sample.pcap
golden=Tests/Fixtures/golden/fixtures/sample.pcap.jsonl
fail() { echo "check-static: FAIL: $*" >&2; exit 1; }

swift_libraries=$(ldd "$binary" | grep -Ei 'swift|Foundation|dispatch|BlocksRuntime' || true)
[ -z "$swift_libraries" ] || fail "the release binary links Swift libraries dynamically:
$swift_libraries"
echo "check-static: ldd $binary: $(ldd "$binary" | awk '{print $1}' | grep -v vdso | tr '\n' ' ')"

if [ "$(id -u)" != 0 ]; then
    echo "check-static: not root, the hidden-toolchain run is skipped"
    exit 0
fi
debug="$(swift build --show-bin-path)/tlsprint"
if [ -x "$debug" ] && hidden "$debug" --help >/dev/null 2>&1; then
    fail "the debug build still starts with $toolchain hidden: the toolchain is not hidden"
fi
output=$(mktemp)
trap 'rm -f "$output"' EXIT
hidden "$binary" read --format json --dedup-ttl 0 --node-name golden --quiet "$sample" >"$output" \
    || fail "the release binary does not run with $toolchain hidden"
python3 scripts/golden/without-added-fields.py <"$output" | cmp -s - "$golden" || fail "with $toolchain hidden, read $sample differs from $golden"
echo "check-static: PASS (no Swift library linked; with $toolchain hidden, read of $sample equals its golden output)"
