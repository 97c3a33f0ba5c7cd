#!/usr/bin/env bash
# scripts/build-release.sh — the one release build of tlsprint, with the Swift runtime and Foundation linked
# statically (`--static-swift-stdlib`), so the binary runs on hosts without a Swift toolchain. Every script
# that needs a release binary calls this: the flags never differ, and a build with other flags would rebuild
# everything.
#
# Prints on stdout the path of the shipped binary, dist/bin/tlsprint (build output goes to stderr): SwiftPM's
# product, stripped, with its debug information kept beside it in dist/bin/tlsprint.debug and named in the
# binary's .gnu_debuglink section, so gdb, perf and valgrind still find the symbols.
#
# The commit the binary was built from (`tlsprint --version`): `git rev-parse --short=12 HEAD`, with
# `-dirty` when tracked files differ from it, "unknown" outside a git checkout; TLSPRINT_COMMIT overrides it
# (for a build from a source tarball). It goes into .build/build-info/tlsprint_build_commit.h, which only
# Sources/CBuildInfo reads; the file is rewritten only when the commit changes, and the -I flag that finds it
# never changes, so a new commit recompiles one C file and relinks.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
swift=${SWIFT:-swift}
fail() { echo "build-release: $*" >&2; exit 1; }

commit=${TLSPRINT_COMMIT:-}
if [ -z "$commit" ]; then
    if commit=$(git rev-parse --short=12 HEAD 2>/dev/null); then
        [ -z "$(git status --porcelain --untracked-files=no 2>/dev/null)" ] || commit="$commit-dirty"
    else
        commit=unknown
    fi
fi
case "$commit" in
    *[!0-9A-Za-z._-]*) fail "TLSPRINT_COMMIT may hold only letters, digits, '.', '_' and '-': $commit" ;;
esac
info="$root/.build/build-info"
mkdir -p "$info"
header="#define TLSPRINT_COMMIT \"$commit\""
if [ "$(cat "$info/tlsprint_build_commit.h" 2>/dev/null)" != "$header" ]; then
    echo "$header" >"$info/tlsprint_build_commit.h"
fi

flags=(-c release --static-swift-stdlib -Xcc "-I$info")
"$swift" build "${flags[@]}" --product tlsprint >&2
built="$("$swift" build "${flags[@]}" --show-bin-path)/tlsprint"

# Strip a copy (stripping SwiftPM's own output would make it relink on the next build), only when the build
# produced a newer binary. The debug file is written first: --add-gnu-debuglink records its CRC.
dist="$root/dist/bin"
if [ ! -x "$dist/tlsprint" ] || [ ! -s "$dist/tlsprint.debug" ] || [ "$built" -nt "$dist/tlsprint" ]; then
    mkdir -p "$dist"
    rm -f "$dist/tlsprint" "$dist/tlsprint.debug"
    objcopy --only-keep-debug --compress-debug-sections=zlib "$built" "$dist/tlsprint.debug"
    chmod 0644 "$dist/tlsprint.debug"
    (cd "$dist" && objcopy --strip-all --add-gnu-debuglink=tlsprint.debug "$built" tlsprint.new)
    touch -r "$built" "$dist/tlsprint.new"
    mv "$dist/tlsprint.new" "$dist/tlsprint"
    echo "build-release: $dist/tlsprint ($(stat -c %s "$dist/tlsprint") bytes, stripped)," \
        "debug information in tlsprint.debug ($(stat -c %s "$dist/tlsprint.debug") bytes)" >&2
fi
echo "$dist/tlsprint"
