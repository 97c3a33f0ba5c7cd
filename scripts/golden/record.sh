#!/usr/bin/env bash
# scripts/golden/record.sh BINARY — record what BINARY prints for every capture, as the golden output that
# Tests/tlsprintTests/GoldenOutputTests.swift holds every later build to, byte for byte.
#
# Captures: every file under $TLSPRINT_SHARED/corpus (default ../shared, relative to the repository root)
# and under Tests/Fixtures/captures named *.pcap, *.pcapng or *.cap, or starting with a pcap or pcapng
# magic number. Each is read alone, twice:
#
#   BINARY read --format json   --dedup-ttl 0 --node-name golden --quiet FILE
#   BINARY read --format syslog --dedup-ttl 0 --node-name golden --quiet FILE
#
# with the environment variables the read command consults (NODE_NAME, DEDUP_TTL, TLSPRINT_MAX_FLOWS,
# TLSPRINT_FLOW_TIMEOUT, TLSPRINT_MEMCAP) unset. Stdout goes to Tests/Fixtures/golden/corpus/<path under
# corpus>.jsonl and .syslog (fixtures/<path under captures> for the repository's own captures), empty files
# included; stderr (timings) is dropped. Tests/Fixtures/golden/MANIFEST.tsv gets one line per capture:
# path (as under golden/), exit status, lines of JSON, lines of syslog. The two runs of one capture must
# exit alike. The old corpus/, fixtures/ and MANIFEST.tsv are replaced; README.md is left alone.
#
# Read Tests/Fixtures/golden/README.md before running this: golden output is never re-recorded to make a
# test pass.
set -euo pipefail

die() { echo "record.sh: $*" >&2; exit 1; }

[ $# -eq 1 ] || die "usage: scripts/golden/record.sh BINARY"
BINARY="$1"
[ -f "$BINARY" ] && [ -x "$BINARY" ] || die "$BINARY is not an executable file"
BINARY="$(cd "$(dirname "$BINARY")" && pwd)/$(basename "$BINARY")"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SHARED="${TLSPRINT_SHARED:-../shared}"
case "$SHARED" in /*) ;; *) SHARED="$ROOT/$SHARED" ;; esac
CORPUS="$SHARED/corpus"
FIXTURES="$ROOT/Tests/Fixtures/captures"
OUT="$ROOT/Tests/Fixtures/golden"
[ -d "$CORPUS" ] || die "no corpus at $CORPUS (set TLSPRINT_SHARED)"
[ -d "$FIXTURES" ] || die "no $FIXTURES"

# captures DIR: the capture files under DIR, relative to it, in byte order.
captures() {
    (
        cd "$1"
        find -L . -type f -print | sed 's|^\./||' | LC_ALL=C sort | while IFS= read -r file; do
            case "$file" in
                *.pcap | *.pcapng | *.cap) echo "$file" ;;
                *)
                    case "$(od -An -tx1 -N4 -- "$file" | tr -d ' \n')" in
                        a1b2c3d4 | d4c3b2a1 | a1b23c4d | 4d3cb2a1 | 0a0d0d0a) echo "$file" ;;
                    esac
                    ;;
            esac
        done
    )
}

# run FORMAT CAPTURE OUTFILE: one read, stdout to OUTFILE; prints the exit status.
run() {
    local status=0
    env -u NODE_NAME -u DEDUP_TTL -u TLSPRINT_MAX_FLOWS -u TLSPRINT_FLOW_TIMEOUT -u TLSPRINT_MEMCAP \
        "$BINARY" read --format "$1" --dedup-ttl 0 --node-name golden --quiet "$2" \
        <"/dev/null" >"$3" 2>"/dev/null" || status=$?
    echo "$status"
}

lines() { wc -l <"$1" | tr -d ' '; }

STAGE="$(mktemp -d "$ROOT/Tests/Fixtures/.golden-stage.XXXXXX")"
trap 'rm -rf "$STAGE"' EXIT
mkdir -p "$STAGE/corpus" "$STAGE/fixtures"
printf '# capture\tstatus\tjsonl_lines\tsyslog_lines\n' >"$STAGE/MANIFEST.tsv"

count=0
json_total=0
syslog_total=0
failed=0
record() { # record PREFIX DIR
    local prefix="$1" dir="$2" file name json_status syslog_status json_lines syslog_lines
    while IFS= read -r file; do
        name="$prefix/$file"
        case "$name" in *$'\t'*) die "tab in capture path: $name" ;; esac
        mkdir -p "$STAGE/$(dirname "$name")"
        json_status="$(run json "$dir/$file" "$STAGE/$name.jsonl")"
        syslog_status="$(run syslog "$dir/$file" "$STAGE/$name.syslog")"
        [ "$json_status" = "$syslog_status" ] ||
            die "$name: json run exited $json_status, syslog run $syslog_status"
        json_lines="$(lines "$STAGE/$name.jsonl")"
        syslog_lines="$(lines "$STAGE/$name.syslog")"
        printf '%s\t%s\t%s\t%s\n' "$name" "$json_status" "$json_lines" "$syslog_lines" >>"$STAGE/MANIFEST.tsv"
        count=$((count + 1))
        json_total=$((json_total + json_lines))
        syslog_total=$((syslog_total + syslog_lines))
        if [ "$json_status" != 0 ]; then
            failed=$((failed + 1))
            echo "record.sh: note: $name exits $json_status" >&2
        fi
    done < <(captures "$dir")
}
record corpus "$CORPUS"
record fixtures "$FIXTURES"
[ "$count" -gt 0 ] || die "no captures found"

mkdir -p "$OUT"
rm -rf "$OUT/corpus" "$OUT/fixtures" "$OUT/MANIFEST.tsv"
mv "$STAGE/corpus" "$STAGE/fixtures" "$STAGE/MANIFEST.tsv" "$OUT/"
echo "record.sh: $count captures ($failed exit non-zero), $json_total JSON lines, $syslog_total syslog lines" \
    "-> ${OUT#"$ROOT/"}" >&2
