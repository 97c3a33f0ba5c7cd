#!/usr/bin/env bash
# SYN-flood memory bound through `live` (issue 3, must-have 4): 1,000,000 spoofed SYNs (scripts/stress/gen_pcap.py)
# are replayed with tcpreplay over a veth pair into a network namespace where `tlsprint live` captures; then its
# peak resident memory (VmHWM from /proc) and the final sensor_stats (flows evicted, kernel drops) are printed.
# The same capture through `read` is measured by scripts/stress/memory.sh. Exit 1 above MEMORY_BOUND_MB (256).
# Needs root, `ip netns` and tcpreplay; otherwise it says why and exits 0.
#
# Usage: scripts/live/flood.sh   (FLOWS=1000000, RATE_MBPS=200, TLSPRINT=/path/to/tlsprint, MEMORY_BOUND_MB=256)
set -euo pipefail
say() { printf 'flood: %s\n' "$*"; }
[[ $(id -u) -eq 0 ]] || { say "SKIP: needs root"; exit 0; }
ip netns list >/dev/null 2>&1 || { say "SKIP: 'ip netns' is unavailable"; exit 0; }
for tool in tcpreplay python3; do command -v $tool >/dev/null || { say "SKIP: $tool missing"; exit 0; }; done

root=$(cd "$(dirname "$0")/../.." && pwd)
tlsprint=${TLSPRINT:-$("$root/scripts/build-release.sh" 2>/dev/null)}
flows=${FLOWS:-1000000}
rate=${RATE_MBPS:-200}
bound=${MEMORY_BOUND_MB:-256}

# shellcheck source=scripts/live/netns-pair.sh
source "$root/scripts/live/netns-pair.sh"
netns_pair flood

python3 "$root/scripts/stress/gen_pcap.py" syn-flood "$flows" >"$work/flood.pcap"
setsid ip netns exec "$recv_ns" "$tlsprint" live -i "$recv_if" --format json --stats-interval 0 --quiet \
    >"$work/out.jsonl" 2>"$work/err" &
pid=$!
sleep 1
tlsprint_pid=$(pgrep -n -f "live -i $recv_if" || true)
ip netns exec "$send_ns" tcpreplay -q -i "$send_if" --mbps "$rate" "$work/flood.pcap" >"$work/replay" 2>&1 || true
sleep 1
peak_kib=$(awk '/VmHWM/ {print $2}' "/proc/${tlsprint_pid:-0}/status" 2>/dev/null || echo 0)
kill -TERM "$pid"
wait "$pid" 2>/dev/null || true
pid=""
stats=$(tail -1 "$work/out.jsonl")
say "replayed $flows SYNs at $rate Mbps: $(grep -oE '[0-9.]+ Mbps' "$work/replay" | head -1 || echo '?') achieved"
say "peak RSS $((peak_kib / 1024)) MiB; final stats: $(python3 -c 'import json,sys; s=json.loads(sys.argv[1]); print(", ".join(f"{k}={s[k]}" for k in ("packets","flows_active","flows_evicted","dropped_kernel")))' "$stats")"
if (( peak_kib / 1024 > bound )); then
    say "FAIL: over the ${bound} MiB bound"
    exit 1
fi
say "PASS (bound ${bound} MiB)"
