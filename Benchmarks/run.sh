#!/usr/bin/env bash
# Benchmarks/run.sh (`make bench`): how fast `tlsprint read` turns captures into events, against a bare
# libpcap loop (the floor) and tshark, and what a packet, a TLS handshake, an SSH stream and an HTTP request
# cost (issues 9 and 10).
#
# Captures, generated once into bench-data/ (gitignored; delete one to regenerate it), each with a
# sidecar NAME.pcap.json of what it holds (counts, expected JA3/JA3S/JA4/JA4S, HASSH or JA4H multisets):
#   reference  $TLSPRINT_SHARED/bench/benchgen.py with its defaults: 1.09 GB, 1,152,038 packets,
#              9,177 TLS handshakes (~8 per MB) between bulk encrypted records, plus 982 plain HTTP
#              requests (one per HTTP flow, each fingerprinted now) and DNS. Timed with the default
#              protocols and with `--protocols tls`, taking turns (best of 3 each), so the difference is
#              what SSH + HTTP fingerprinting costs on it.
#   dense      Benchmarks/gen_pcap.py --size 100M --bulk 2000: ~190 handshakes per MB, each a real
#              fixture handshake with a Certificate (so three events), with a fresh ClientHello random,
#              session id and certificate serials per flow: the certificate cache cannot answer.
#   bulk       gen_pcap.py --size 1000M --bulk 1M: the same kind of handshakes, ~1 per MB, each followed
#              by 1 MB of application data (MSS segments, an ACK every second one).
#   ssh        gen_pcap.py --kind ssh --size 100M: the fixtures' SSH streams (OpenSSH, dropbear, paramiko,
#              a long interactive session) replayed unchanged, ~9,000 packets per MB: one ssh_handshake
#              per flow and a JA4SSH window (ssh_activity) every 200 packets with payload.
#   http       gen_pcap.py --kind http --size 100M: the fixtures' plain HTTP/1.x streams (curl, wget, Python,
#              ApacheBench keep-alive, HTTP/1.0, POST bodies) replayed unchanged, ~870 requests per MB.
#
# Method, per capture: page cache warm (`cat FILE >/dev/null`) before each tool; the floor
# ($TLSPRINT_SHARED/bench/floor/pcount.c, gcc -O2 -lpcap: a bare pcap_loop) and
# `tlsprint read --format json --dedup-ttl 0 --quiet FILE >/dev/null`, best of 3 each (wall time around
# the process, peak RSS from /usr/bin/time -f %M: Benchmarks/besttime.py); tshark once (not on bulk:
# ~1 min per GB), as in the shared README for TLS, with `-Y 'ssh.kex.hassh || ssh.kex.hasshserver'
# -T fields -e ssh.kex.hassh -e ssh.kex.hasshserver` on ssh and `-Y http.request -T fields -e
# http.request.method` on http. One more `tlsprint read` without --quiet keeps its events and summary:
# the summary gives the handshake, SSH and HTTP counts and the certificate-cache hit rate, and tlsprint's
# and tshark's fingerprints and counts are checked against the sidecar.
#
# Costs (Benchmarks/report.py), after subtracting start-up (the empty capture's time):
#   (a), (b) Model tlsprint's time as t = P·a + H·b (P packets, H handshakes) and solve it for the bulk
#     and dense captures. The bulk capture is almost all packets of known flows carrying bulk data, so
#     a ≈ t_bulk / P_bulk: ns per such packet (data and ACKs, 2:1), printed beside the floor's
#     t_floor / P on the same capture. b = (t_dense − P_dense·a) / H_dense: µs per handshake
#     (ClientHello + ServerHello + Certificate → three JSON events), its TCP packets' work beyond
#     the per-packet cost included.
#   (d) SSH: t_ssh / P_ssh, ns per packet of an SSH stream (identification lines, KEXINITs, encrypted
#     packets, ACKs), beside the floor's; and t_ssh / SSH flows, µs per SSH stream in all.
#   (e) HTTP: t_http / P_http, ns per packet; (t_http − P_http·a) / R, µs per request (R requests, each an
#     http_request event with JA4H), its packets' work beyond the per-packet cost included.
#   (f) reference: t(default protocols) − t(--protocols tls), in ms and % of the latter.
#   (c) BENCH_ALLOCS=1: valgrind --tool=dhat counts the heap blocks `tlsprint read` allocates on three
#     small gen_pcap.py captures holding the same 300 handshakes: none (startup), handshakes only,
#     handshakes each followed by 20 KB of bulk data. Per handshake = (dense − empty) / 300; per bulk
#     packet = (bulk − dense) / the bulk capture's extra packets.
#
# Env: BENCH_TLSPRINT (binary; default: the static release build of scripts/build-release.sh), BENCH_DATA
# (default <repo>/bench-data), TLSPRINT_SHARED (default ../shared from the repo root), BENCH_DENSE_MB
# (100), BENCH_BULK_MB (1000), BENCH_SSH_MB (100), BENCH_HTTP_MB (100), SKIP_TSHARK=1, BENCH_ALLOCS=1,
# SWIFT (default swift).
# Tools: gcc, libpcap-dev, python3, /usr/bin/time, tshark, valgrind (the Makefile's BENCH_PACKAGES);
# missing tshark or valgrind is installed when run as root.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SHARED="$(cd "$ROOT" && cd "${TLSPRINT_SHARED:-../shared}" && pwd)"
DATA="${BENCH_DATA:-$ROOT/bench-data}"
RUN="$DATA/run"
BENCH="$ROOT/Benchmarks"
mkdir -p "$RUN"

# need COMMAND PACKAGE: install PACKAGE when COMMAND is missing (as root); otherwise say how. Fails if still missing.
need() {
    command -v "$1" >/dev/null 2>&1 && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "$1 not found: install it as root (make bench-deps, or apt-get install $2)" >&2
        return 1
    fi
    echo "installing $2 (log in $RUN/apt-$2.log) ..." >&2
    # tshark's package asks whether non-root users may capture: answer no, without a prompt.
    echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections
    local install=(env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2")
    "${install[@]}" >"$RUN/apt-$2.log" 2>&1 ||
        { apt-get update -q >>"$RUN/apt-$2.log" 2>&1 && "${install[@]}" >>"$RUN/apt-$2.log" 2>&1; } ||
        { echo "installing $2 failed (see $RUN/apt-$2.log)" >&2; return 1; }
}

# gen NAME ARGS...: bench-data/NAME.pcap from gen_pcap.py, again when the arguments or the generator change.
gen() {
    local name=$1
    shift
    local file="$DATA/$name.pcap"
    if [ -s "$file" ] && [ "$file" -nt "$BENCH/gen_pcap.py" ] && [ "$(cat "$file.args" 2>/dev/null)" = "$*" ]; then
        return
    fi
    echo "generating $file ..." >&2
    TLSPRINT_SHARED="$SHARED" python3 "$BENCH/gen_pcap.py" -o "$file" "$@" "$ROOT"/Tests/Fixtures/captures/*.pcap
    echo "$*" >"$file.args"
}

warm() { cat "$1" >/dev/null; }

# ---- tools and captures
need gcc gcc
need python3 python3
[ -x /usr/bin/time ] || need /usr/bin/time time
FLOOR="$DATA/pcount"
if [ ! -x "$FLOOR" ] || [ "$SHARED/bench/floor/pcount.c" -nt "$FLOOR" ]; then
    gcc -O2 -o "$FLOOR" "$SHARED/bench/floor/pcount.c" -lpcap
fi
TSHARK=""
if [ -z "${SKIP_TSHARK:-}" ] && need tshark tshark; then TSHARK=tshark; fi

TLSPRINT="${BENCH_TLSPRINT:-}"
if [ -z "$TLSPRINT" ]; then
    echo "building tlsprint (scripts/build-release.sh; log in $RUN/build.log) ..." >&2
    TLSPRINT=$("$ROOT/scripts/build-release.sh" 2>"$RUN/build.log")
fi
"$TLSPRINT" read --format json --quiet "$ROOT/Tests/Fixtures/captures/sample.pcap" | grep -q '"event":"tls_' ||
    { echo "$TLSPRINT emits no TLS events on sample.pcap" >&2; exit 1; }

if [ ! -s "$DATA/reference.pcap" ]; then
    echo "generating $DATA/reference.pcap (benchgen.py defaults) ..." >&2
    python3 "$SHARED/bench/benchgen.py" -o "$DATA/reference.pcap.tmp" --sidecar "$DATA/reference.pcap.json"
    mv "$DATA/reference.pcap.tmp" "$DATA/reference.pcap"
fi
gen dense --size "${BENCH_DENSE_MB:-100}M" --bulk 2000
gen bulk --size "${BENCH_BULK_MB:-1000}M" --bulk 1M
gen ssh --kind ssh --size "${BENCH_SSH_MB:-100}M"
gen http --kind http --size "${BENCH_HTTP_MB:-100}M"
gen empty --flows 0

# ---- timing
echo "tlsprint: $TLSPRINT ($("$TLSPRINT" --version)); floor: $FLOOR; tshark: ${TSHARK:-skipped}" >&2
: >"$RUN/times.tsv"
# tshark_args NAME: what tshark extracts from capture NAME (none: not run there).
tshark_args() {
    case $1 in
    reference | dense)
        echo "-Y tls.handshake.type==1||tls.handshake.type==2 -T fields -e tls.handshake.ja3 -e tls.handshake.ja3s" ;;
    ssh) echo "-Y ssh.kex.hassh||ssh.kex.hasshserver -T fields -e ssh.kex.hassh -e ssh.kex.hasshserver" ;;
    http) echo "-Y http.request -T fields -e http.request.method" ;;
    esac
}
for name in empty reference dense bulk ssh http; do
    file="$DATA/$name.pcap"
    echo "timing $name: $(stat -L -c %s "$file") bytes, $("$FLOOR" "$file")" >&2
    warm "$file"
    echo "$name floor $(python3 "$BENCH/besttime.py" --runs 3 "$FLOOR" "$file")" >>"$RUN/times.tsv"
    warm "$file"
    if [ "$name" = reference ]; then
        # Default protocols and --protocols tls take turns, one run each, three rounds (report.py keeps the best
        # of each and shows the spread): a busy moment on a shared machine then slows both, not one.
        for _ in 1 2 3; do
            echo "$name tlsprint $(python3 "$BENCH/besttime.py" --runs 1 \
                "$TLSPRINT" read --format json --dedup-ttl 0 --quiet "$file")" >>"$RUN/times.tsv"
            echo "$name tlsprint-tls $(python3 "$BENCH/besttime.py" --runs 1 \
                "$TLSPRINT" read --format json --dedup-ttl 0 --quiet --protocols tls "$file")" >>"$RUN/times.tsv"
        done
    else
        echo "$name tlsprint $(python3 "$BENCH/besttime.py" --runs 3 \
            "$TLSPRINT" read --format json --dedup-ttl 0 --quiet "$file")" >>"$RUN/times.tsv"
    fi
    [ "$name" != empty ] || continue
    "$TLSPRINT" read --format json --dedup-ttl 0 "$file" >"$RUN/$name.events.jsonl" 2>"$RUN/$name.summary.txt"
    read -r -a extract <<<"$(tshark_args "$name")"
    if [ -n "$TSHARK" ] && [ "${#extract[@]}" -gt 0 ]; then
        warm "$file"
        echo "$name tshark $(python3 "$BENCH/besttime.py" --runs 1 --stdout "$RUN/$name.tshark.txt" \
            --stderr "$RUN/$name.tshark.err" "$TSHARK" -r "$file" "${extract[@]}")" >>"$RUN/times.tsv"
    fi
done

# ---- allocations
rm -f "$RUN"/*.dhat.txt
if [ "${BENCH_ALLOCS:-0}" = 1 ] && need valgrind valgrind; then
    gen allocs-dense --flows 300
    gen allocs-bulk --flows 300 --bulk 20K
    # Valgrind 3.19 (Debian 12) gives up on the DWARF 5 debug info Swift writes: run a copy without it.
    objcopy --strip-debug "$TLSPRINT" "$RUN/tlsprint-nodebug"
    for name in empty allocs-dense allocs-bulk; do
        echo "allocations: valgrind --tool=dhat on $name.pcap ..." >&2
        valgrind --tool=dhat --dhat-out-file="$RUN/$name.dhat.json" \
            "$RUN/tlsprint-nodebug" read --format json --dedup-ttl 0 --quiet "$DATA/$name.pcap" \
            >/dev/null 2>"$RUN/$name.dhat.txt"
    done
fi

python3 "$BENCH/report.py" "$DATA" | tee "$RUN/report.txt"
