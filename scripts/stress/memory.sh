#!/usr/bin/env bash
# scripts/stress/memory.sh — peak RSS of `tlsprint read -` (release build, no sanitizer) on hostile captures
# generated on the fly into a pipe (scripts/stress/gen_pcap.py; nothing is written to disk):
#   (a) 1,000,000 half-open TCP flows (spoofed SYNs)      — FLOWS_SYN to change
#   (b) 10,000 flows x 64 KiB of never-completing handshake — FLOWS_HANDSHAKE to change
# Prints peak RSS (/usr/bin/time -v) and the summary lines (flows evicted, parse errors) for each.
# Exit status non-zero if tlsprint fails or peak RSS exceeds MEMORY_BOUND_MB (default 256).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
bound="${MEMORY_BOUND_MB:-256}"
binary=$(scripts/build-release.sh 2>/dev/null)
status=0
measure() {
    local name="$1" scenario="$2" flows="$3" log
    log=$(mktemp)
    python3 scripts/stress/gen_pcap.py "$scenario" "$flows" \
        | /usr/bin/time -v "$binary" read --format json - 2>"$log" >/dev/null || status=1
    local rss seconds
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
    seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
    echo "== $name: peak RSS $((rss / 1024)) MiB, wall $seconds"
    grep '^tlsprint:' "$log" | sed 's/^/   /'
    if [ "$((rss / 1024))" -gt "$bound" ]; then
        echo "   OVER the ${bound} MiB bound" >&2
        status=1
    fi
    rm -f "$log"
}
measure "half-open flows" syn-flood "${FLOWS_SYN:-1000000}"
measure "never-completing handshakes" handshake-flood "${FLOWS_HANDSHAKE:-10000}"
exit "$status"
