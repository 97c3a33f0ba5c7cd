#!/usr/bin/env bash
# Drop benchmark (issue 3, must-have 9): tcpreplay replays a capture over a veth pair at increasing rates
# while `tlsprint live` (then, separately, `tcpdump -w /dev/null`) captures the far end; prints, for each,
# the highest rate with zero kernel drops (tlsprint: final sensor_stats `dropped_kernel`; tcpdump: its
# "dropped by kernel" line). Needs root, `ip netns` and tcpreplay; otherwise it says why and exits 0.
#
# Usage: scripts/live/drops.sh [CAPTURE] [RATES_MBPS...]     (TLSPRINT=/path/to/tlsprint, SECONDS_PER_RATE=3)
set -euo pipefail
say() { printf 'drops: %s\n' "$*"; }
[[ $(id -u) -eq 0 ]] || { say "SKIP: needs root"; exit 0; }
ip netns list >/dev/null 2>&1 || { say "SKIP: 'ip netns' is unavailable"; exit 0; }
for tool in tcpreplay tcpdump python3; do command -v $tool >/dev/null || { say "SKIP: $tool missing"; exit 0; }; done

root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${TLSPRINT_SHARED:-$root/../shared}
capture=${1:-$shared/corpus/foxio/pcap/http2-with-cookies.pcapng}
shift || true
rates=("$@")
[[ ${#rates[@]} -gt 0 ]] || rates=(100 200 400 800 1600 3200 6400)
tlsprint=${TLSPRINT:-$("$root/scripts/build-release.sh" 2>/dev/null)}
seconds=${SECONDS_PER_RATE:-3}
[[ -r $capture ]] || { say "SKIP: capture $capture not found"; exit 0; }

# shellcheck source=scripts/live/netns-pair.sh
source "$root/scripts/live/netns-pair.sh"
netns_pair drops

bytes=$(stat -c %s "$capture")
loops_for() { python3 -c "import math; print(max(1, math.ceil($1 * 1e6 / 8 * $seconds / $bytes)))"; }

# One run: start the capturer, replay, stop it; prints the kernel drop count.
run() {
    local tool=$1 rate=$2 loops
    loops=$(loops_for "$rate")
    if [[ $tool == tlsprint ]]; then
        setsid ip netns exec "$recv_ns" "$tlsprint" live -i "$recv_if" --format json --stats-interval 0 --quiet \
            >"$work/out.jsonl" 2>"$work/err" &
    else
        setsid ip netns exec "$recv_ns" tcpdump -i "$recv_if" -w /dev/null 2>"$work/err" &
    fi
    pid=$!
    sleep 1
    ip netns exec "$send_ns" tcpreplay -q -i "$send_if" --mbps "$rate" --loop "$loops" "$capture" >"$work/replay" 2>&1 || true
    sleep 0.5
    kill -TERM "$pid"
    wait "$pid" 2>/dev/null || true
    pid=""
    if [[ $tool == tlsprint ]]; then
        tail -1 "$work/out.jsonl" | python3 -c 'import json,sys; print(json.loads(sys.stdin.read())["dropped_kernel"])'
    else
        awk '/dropped by kernel/ {print $1}' "$work/err"
    fi
}

for tool in tlsprint tcpdump; do
    best=0
    for rate in "${rates[@]}"; do
        dropped=$(run "$tool" "$rate")
        actual=$(grep -oE '[0-9.]+ Mbps' "$work/replay" | head -1 || true)
        say "$tool at $rate Mbps (achieved ${actual:-?}): $dropped dropped by kernel"
        [[ $dropped == 0 ]] && best=$rate || break
    done
    say "RESULT $tool: highest rate with zero kernel drops: $best Mbps"
done
