#!/usr/bin/env bash
# scripts/build-release.sh — the one release build of tlsprint, with the Swift runtime and Foundation linked
# statically (`--static-swift-stdlib`), so the binary runs on hosts without a Swift toolchain. Prints the
# binary's path on stdout (build output goes to stderr). Every script that needs a release binary calls this:
# the flags never differ, and a build with other flags would rebuild everything.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
swift=${SWIFT:-swift}
"$swift" build -c release --static-swift-stdlib --product tlsprint >&2
echo "$("$swift" build -c release --static-swift-stdlib --show-bin-path)/tlsprint"
