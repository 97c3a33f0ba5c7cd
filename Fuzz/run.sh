#!/usr/bin/env bash
# Fuzz/run.sh SECONDS [TARGET...] — build every libFuzzer target (Fuzz/build.sh) and run each for SECONDS,
# two at a time (one per core). Seeds: Fuzz/Corpus/<target>/ (committed, derived from Tests/Fixtures) plus
# seeds cut at run time from $TLSPRINT_SHARED/corpus into .build-fuzz/seeds/. New inputs accumulate in
# .build-fuzz/corpus/<target>/. Exits non-zero on any crash, leak, timeout or OOM, after copying each
# failing input to Tests/Fixtures/regressions/<target>-<sha>.bin. Prints runs, cov: and ft: per target.
# TLSPRINT_FUZZ_PLAIN=1 turns the structure-aware hello mutator off (for coverage comparisons).
set -uo pipefail
seconds="${1:-20}"
shift || true
root="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$root/.build-fuzz"
shared="${TLSPRINT_SHARED:-$root/../shared}"
jobs="${FUZZ_JOBS:-$(nproc)}"
start=$(date +%s)

# No `|| true` after the pipeline: under pipefail it would run on a failed build and reset PIPESTATUS, and the
# stale executables of the last good build would be fuzzed instead.
"$root/Fuzz/build.sh" 2>&1 | grep -vE "ld.gold: warning: Cannot export local symbol|dependency '.*' is not used"
build_status=${PIPESTATUS[0]}
if [ "$build_status" -ne 0 ]; then echo "fuzz build failed" >&2; exit 2; fi
built=$(date +%s)

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(cd "$root/Fuzz/Targets" && ls -d -- */ | tr -d /)
fi
# Seeds are cut again when make-corpus.py changed since the last cut.
if [ -d "$shared/corpus" ] && { [ ! -f "$scratch/seeds/.done" ] || [ "$root/Fuzz/make-corpus.py" -nt "$scratch/seeds/.done" ]; }; then
    rm -rf "$scratch/seeds" && python3 "$root/Fuzz/make-corpus.py" shared "$shared" "$scratch/seeds" \
        && touch "$scratch/seeds/.done"
fi

max_len() {
    case "$1" in
        pcap | sensor) echo 65536 ;;
        assembler | certificate | ssh | http | labels) echo 16384 ;;
        *) echo 4096 ;;
    esac
}

run_one() {
    local target="$1" work="$scratch/corpus/$1" artifacts="$scratch/artifacts/$1" log="$scratch/logs/$1.log"
    mkdir -p "$work" "$artifacts" "$scratch/logs" "$scratch/seeds/$target"
    rm -f "$artifacts"/*
    "$scratch/release/fuzz-$target" "$work" "$root/Fuzz/Corpus/$target" "$scratch/seeds/$target" \
        -max_total_time="$seconds" -rss_limit_mb=2048 -malloc_limit_mb=2048 -timeout=10 \
        -max_len="$(max_len "$target")" -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1
    echo $? >"$log.rc"
}
export -f run_one max_len
export scratch root seconds

printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} bash -c 'run_one {}'

status=0
printf '%-12s %10s %8s %8s %7s  %s\n' target runs cov ft corpus result
for target in "${targets[@]}"; do
    log="$scratch/logs/$target.log"
    rc=$(cat "$log.rc" 2>/dev/null || echo 99)
    runs=$(grep -oE "stat::number_of_executed_units: *[0-9]+" "$log" | grep -oE "[0-9]+$" | tail -1)
    last=$(grep -E "^#[0-9]+" "$log" | tail -1)
    cov=$(grep -oE "cov: [0-9]+" <<<"$last" | grep -oE "[0-9]+")
    ft=$(grep -oE "ft: [0-9]+" <<<"$last" | grep -oE "[0-9]+")
    corpus=$(grep -oE "corp: [0-9]+" <<<"$last" | grep -oE "[0-9]+")
    result=ok
    if [ "$rc" -ne 0 ]; then
        status=1
        result="FAILED (exit $rc): $(grep -m1 -E "ERROR: |SUMMARY: |Fatal error|==[0-9]+==" "$log" | cut -c1-120)"
        mkdir -p "$root/Tests/Fixtures/regressions"
        for input in "$scratch/artifacts/$target"/*; do
            [ -f "$input" ] || continue
            sha=$(sha1sum "$input" | cut -c1-12)
            cp "$input" "$root/Tests/Fixtures/regressions/$target-$sha.bin"
            result="$result -> Tests/Fixtures/regressions/$target-$sha.bin"
        done
    fi
    printf '%-12s %10s %8s %8s %7s  %s\n' "$target" "${runs:-?}" "${cov:-?}" "${ft:-?}" "${corpus:-?}" "$result"
done
end=$(date +%s)
echo "fuzz: build $((built - start))s, total $((end - start))s, ${seconds}s per target, $jobs at a time"
[ "$status" -eq 0 ] || echo "fuzz: FAILURES — logs in $scratch/logs/" >&2
exit "$status"
