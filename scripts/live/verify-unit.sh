#!/usr/bin/env bash
# Checks packaging/tlsprint.service with `systemd-analyze verify` (skips with a message when unavailable).
# The unit names /usr/bin/tlsprint; a temporary copy points ExecStart at a built binary (or /bin/true)
# so verify can check that the command exists.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
command -v systemd-analyze >/dev/null || { echo "verify-unit: SKIP: systemd-analyze not installed"; exit 0; }
binary=${TLSPRINT:-$root/.build/debug/tlsprint}
[[ -x $binary ]] || binary=/bin/true
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed "s#/usr/bin/tlsprint#$binary#" "$root/packaging/tlsprint.service" >"$work/tlsprint.service"
# --man=no: the unit names man:tlsprint-live(1), which only an installed tlsprint provides;
# scripts/packaging/check-deb.sh verifies the packaged unit with its man pages.
if output=$(systemd-analyze verify --man=no "$work/tlsprint.service" 2>&1) && [[ -z $output ]]; then
    echo "verify-unit: PASS (systemd $(systemd-analyze --version | head -1 | awk '{print $2}'))"
else
    echo "verify-unit: FAIL"
    echo "$output"
    exit 1
fi
