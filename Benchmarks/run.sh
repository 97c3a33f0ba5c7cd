#!/usr/bin/env bash
# Benchmarks/run.sh — throughput of `tlsprint read` against a bare libpcap floor and tshark.
#
#   Benchmarks/run.sh                 # ~600 MB capture (generated once into bench-data/)
#   BENCH_MB=50 Benchmarks/run.sh     # quick run on a 50 MB capture
#
# (a) bench-data/bench-<MB>MB.pcap is generated once (gitignored) by gen_pcap.py from the
#     handshakes in Tests/Fixtures/captures/*.pcap: 20,000+ TLS flows at the default size,
#     each a real handshake under rewritten addresses/ports, then bulk random application_data
#     records in MTU-sized segments; plus DNS over UDP and plain HTTP flows.
# (b) Benchmarks/floor/pcap_floor.c is built with gcc -O2 -lpcap (a bare pcap_loop counter).
# (c) Times, each with /usr/bin/time -v (wall clock, max RSS):
#       .build/release/tlsprint read --quiet --format json FILE      (built with swift build -c release)
#       tshark -r FILE -Y 'tls.handshake.type==1||tls.handshake.type==2' -T fields -e ...ja3 -e ...ja3s
#       the floor
#     and prints MB/s for each, tlsprint/floor and tshark/tlsprint (time ratios).
# Env: BENCH_MB (default 600), BENCH_DATA (default <repo>/bench-data), SKIP_TSHARK=1, SWIFT (default swift).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
MB="${BENCH_MB:-600}"
DATA="${BENCH_DATA:-$ROOT/bench-data}"
FILE="$DATA/bench-${MB}MB.pcap"
SWIFT="${SWIFT:-swift}"
mkdir -p "$DATA"

if [ ! -s "$FILE" ]; then
    echo "generating $FILE ..." >&2
    python3 "$ROOT/Benchmarks/gen_pcap.py" "$FILE.tmp" "$MB" "$ROOT"/Tests/Fixtures/captures/*.pcap
    mv "$FILE.tmp" "$FILE"
fi
SIZE=$(stat -c %s "$FILE")

FLOOR="$DATA/pcap_floor"
if [ ! -x "$FLOOR" ] || [ "$ROOT/Benchmarks/floor/pcap_floor.c" -nt "$FLOOR" ]; then
    gcc -O2 -Wall -o "$FLOOR" "$ROOT/Benchmarks/floor/pcap_floor.c" -lpcap
fi

TLSPRINT="$ROOT/.build/release/tlsprint"
if [ ! -x "$TLSPRINT" ] && [ -d "$ROOT/Sources/tlsprint" ]; then
    echo "building tlsprint (swift build -c release; log in $DATA/build.log) ..." >&2
    (cd "$ROOT" && "$SWIFT" build -c release --product tlsprint > "$DATA/build.log" 2>&1) || echo "tlsprint: release build failed (see $DATA/build.log)" >&2
fi

# measure NAME CMD... -> prints one result line; the command's stdout goes to /dev/null
declare -A WALL RSS
measure() {
    local name=$1; shift
    cat "$FILE" > /dev/null   # warm the page cache so every tool reads from memory
    local log="$DATA/time-$name.txt"
    local START END
    START=$(date +%s%N)   # /usr/bin/time prints wall time in 10 ms steps: take ns from date
    if ! /usr/bin/time -v "$@" > /dev/null 2> "$log"; then
        echo "$name: FAILED (see $log)"; return 0
    fi
    END=$(date +%s%N)
    local rss
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
    WALL[$name]=$(python3 -c "print(($END - $START) / 1e9)")
    RSS[$name]=$rss
    python3 -c "import sys; n,s,w,r=sys.argv[1:]; print(f'{n:10s} wall {float(w):8.2f} s  {int(s)/1e6/float(w):9.1f} MB/s  max RSS {int(r)/1024:8.1f} MiB')" \
        "$name" "$SIZE" "${WALL[$name]}" "$rss"
}

echo "capture: $FILE ($(python3 -c "print(f'{$SIZE/1e6:.1f}')") MB, $("$FLOOR" "$FILE"))"
measure floor "$FLOOR" "$FILE"
# Only a tlsprint whose `read` emits JSON events on the sample is timed.
if [ -x "$TLSPRINT" ] && "$TLSPRINT" read --quiet --format json "$ROOT/Tests/Fixtures/captures/sample.pcap" | grep -c '"event"' >/dev/null; then
    measure tlsprint "$TLSPRINT" read --quiet --format json "$FILE"
else
    echo "tlsprint: not built, or its 'read' emits no events on sample.pcap yet — timing only floor and tshark"
fi
if [ -z "${SKIP_TSHARK:-}" ] && command -v tshark >/dev/null; then
    measure tshark tshark -n -r "$FILE" -Y 'tls.handshake.type==1||tls.handshake.type==2' \
        -T fields -e tls.handshake.ja3 -e tls.handshake.ja3s
fi
ratio() { [ -n "${WALL[$1]:-}" ] && [ -n "${WALL[$2]:-}" ] && \
    python3 -c "import sys; print(f'{sys.argv[1]}: {float(sys.argv[2])/float(sys.argv[3]):.2f}x')" "$3" "${WALL[$1]}" "${WALL[$2]}" || true; }
ratio tlsprint floor "tlsprint/floor (time)"
ratio tshark tlsprint "tshark/tlsprint (time)"
ratio tshark floor "tshark/floor (time)"
