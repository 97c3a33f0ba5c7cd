#!/usr/bin/env bash
# Builds one libFuzzer executable per Fuzz/Targets/<name> WITHOUT touching the main package:
#   1. copy Sources/ + Package.swift (+ Package.resolved) into .build-fuzz-src/ (a scratch package),
#   2. append Fuzz/Manifest.fragment to the copied manifest (drops CLI/I-O/test targets, adds the fuzzers),
#   3. swift build there with --scratch-path .build-fuzz and the fuzzer+address sanitizers.
# Fuzz executables must sit in the same package as the parsers because those are `package`-access.
# Swift 6.3's -sanitize=fuzzer does not imply coverage instrumentation for Swift code (C code gets it from
# clang): without the explicit -sanitize-coverage the Swift parsers are invisible to libFuzzer.
# Output: .build-fuzz/release/fuzz-<name>. Incremental: unchanged sources are not rebuilt.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
src="$root/.build-fuzz-src"
scratch="$root/.build-fuzz"
mkdir -p "$src/Fuzz"
# cp -a keeps modification times, so an unchanged file is not recompiled.
for dir in Sources Fuzz/Support Fuzz/Targets; do
    rm -rf "${src:?}/$dir"
    cp -a "$root/$dir" "$src/$dir"
done
# The harness bodies live with the tests (so regressions replay exactly what the fuzzer ran).
cp -p "$root"/Tests/TLSPrintSensorTests/HostileHarness*.swift "$src/Fuzz/Support/"
# Seed the pins from the main package once; afterwards the scratch package keeps its own (it drops two
# dependencies, so its Package.resolved differs, and copying again would force a full rebuild).
if [ -f "$root/Package.resolved" ] && [ ! -f "$src/Package.resolved" ]; then
    cp "$root/Package.resolved" "$src/Package.resolved"
fi
names=$(cd "$root/Fuzz/Targets" && ls -d -- */ | tr -d / | sed 's/.*/"&"/' | paste -sd, -)
manifest="$(cat "$root/Package.swift")
let fuzzTargetNames: [String] = [$names]
$(cat "$root/Fuzz/Manifest.fragment")"
# Rewrite only when changed, so SwiftPM does not reload the manifest for nothing.
if [ ! -f "$src/Package.swift" ] || [ "$manifest" != "$(cat "$src/Package.swift")" ]; then
    printf '%s\n' "$manifest" >"$src/Package.swift"
fi
cd "$src"
# SwiftPM writes its two -sanitize= flags in a different order from one build to the next (a Set), and with
# `-sanitize=address -sanitize=fuzzer` swiftc instruments less: the fuzz executables then had 117,449 instead of
# 220,409 coverage counters and reached about half the coverage. The -Xswiftc pair comes last on every swiftc
# command line, so the order is always fuzzer, then address.
swift build -c release --scratch-path "$scratch" \
    --sanitize=fuzzer --sanitize=address \
    -Xswiftc -sanitize=fuzzer -Xswiftc -sanitize=address \
    -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp \
    -Xswiftc -parse-as-library --disable-dead-strip "$@"
