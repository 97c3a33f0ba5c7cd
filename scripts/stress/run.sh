#!/usr/bin/env bash
# scripts/stress/run.sh — the stress suite (`make stress`), in order:
#   1. memory bounds: scripts/stress/memory.sh (release build, generated hostile captures on a pipe)
#   2. the same SYN flood through `live` over a veth pair: scripts/live/flood.sh
#   3. live drop rates against tcpdump: scripts/live/drops.sh
#   4. ThreadSanitizer: swift test --sanitize=thread --scratch-path .build-tsan
#   5. long fuzz run: Fuzz/run.sh ${FUZZ_SECONDS:-300} (every target, two at a time)
# Runs every stage even when one fails; exits non-zero if any failed. Figures go to stdout.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
export TLSPRINT_SHARED="${TLSPRINT_SHARED:-$(cd "$root/.." && pwd)/shared}"
failed=()
stage() {
    local name="$1"
    shift
    echo "==== $name"
    local start=$SECONDS
    if "$@"; then echo "==== $name: ok ($((SECONDS - start)) s)"; else
        echo "==== $name: FAILED ($((SECONDS - start)) s)"
        failed+=("$name")
    fi
}
stage memory scripts/stress/memory.sh
stage live-flood scripts/live/flood.sh
stage live-drops scripts/live/drops.sh
stage tsan swift test --sanitize=thread --scratch-path .build-tsan
stage fuzz Fuzz/run.sh "${FUZZ_SECONDS:-300}"
if [ ${#failed[@]} -gt 0 ]; then
    echo "stress: failed: ${failed[*]}"
    exit 1
fi
echo "stress: all stages passed"
