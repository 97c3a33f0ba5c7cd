#!/usr/bin/env bash
# scripts/packaging/check-deb.sh — builds the Debian package from the one release build and checks it without
# installing it on this host (where it would shadow the binary under test). Part of `make test`, after
# check-static.sh, whose build it reuses.
#   1. `dpkg-deb -I`: name, version, architecture, Depends from dpkg-shlibdeps (libc6, libpcap0.8, no
#      Swift library), Recommends: ca-certificates, /etc/default/tlsprint a conffile;
#   2. `dpkg-deb -c`: every file the package must carry, man pages gzipped;
#   3. `apt-get -s install ./PACKAGE`: apt would install it with its dependencies (simulation only);
#   4. the packaged binary, unpacked with `dpkg-deb -x`, runs with the Swift toolchain hidden: `--version`
#      names the version and commit, and `read` of the bundled sample prints its golden output;
#   5. `systemd-analyze verify` on the packaged unit (there is no running systemd here; verify needs none);
#   6. each man page renders with groff without a warning; the bash, zsh and fish completions parse.
# Needs root for `unshare -m` and `apt-get -s`; without it, says so and exits 0 (CI runs as root).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
started=$SECONDS
fail() { echo "check-deb: FAIL: $*" >&2; exit 1; }
if [ "$(id -u)" != 0 ]; then
    echo "check-deb: not root, skipped"
    exit 0
fi
binary=$(scripts/build-release.sh)
deb=$(TLSPRINT_BINARY="$binary" scripts/packaging/build-deb.sh 2>/dev/null) || fail "scripts/packaging/build-deb.sh failed"
version=$("$binary" --version)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1. Control fields.
dpkg-deb -I "$deb" >"$work/info"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = tlsprint ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "${version%% *}" ] || fail "Version '$(field Version)' is not that of '$version'"
[ "$(field Architecture)" = "$(dpkg --print-architecture)" ] || fail "Architecture is '$(field Architecture)'"
depends=$(field Depends)
for library in libc6 libpcap0.8 libstdc++6; do
    tr ',' '\n' <<<"$depends" | sed 's/^ *//; s/ .*//' | grep -qxF "$library" || fail "Depends lacks $library: $depends"
done
! grep -qi swift <<<"$depends" || fail "Depends names a Swift library: $depends"
[ "$(field Recommends)" = ca-certificates ] || fail "Recommends is '$(field Recommends)'"
dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles >"$work/conffiles"
grep -qx /etc/default/tlsprint "$work/conffiles" || fail "/etc/default/tlsprint is not a conffile"
echo "check-deb: $(basename "$deb"): Depends: $depends; Recommends: ca-certificates; conffile /etc/default/tlsprint"

# 2. Contents.
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's#^\./#/#' >"$work/contents"
for path in /usr/bin/tlsprint /lib/systemd/system/tlsprint.service /etc/default/tlsprint \
    /usr/share/man/man1/tlsprint.1.gz /usr/share/man/man1/tlsprint-read.1.gz \
    /usr/share/man/man1/tlsprint-summary.1.gz /usr/share/man/man1/tlsprint-live.1.gz /usr/share/man/man1/tlsprint-interfaces.1.gz \
    /usr/share/bash-completion/completions/tlsprint /usr/share/zsh/vendor-completions/_tlsprint \
    /usr/share/fish/vendor_completions.d/tlsprint.fish \
    /usr/share/doc/tlsprint/copyright /usr/share/doc/tlsprint/changelog.gz /usr/share/doc/tlsprint/LICENSE \
    /usr/share/doc/tlsprint/NOTICE /usr/share/doc/tlsprint/README.md /usr/share/doc/tlsprint/docs/live.md \
    /usr/share/doc/tlsprint/docs/events.md /usr/share/doc/tlsprint/docs/fingerprints.md; do
    grep -qx -- "$path" "$work/contents" || fail "the package lacks $path"
done
! grep -q '\.1$' "$work/contents" || fail "a man page is not gzipped: $(grep '\.1$' "$work/contents")"
echo "check-deb: $(grep -vc '/$' "$work/contents") files, all expected ones present"

# 3. What apt would do. The package's own dependencies must be satisfiable from this host's sources.
apt-get -s install "$deb" >"$work/apt" 2>&1 || { cat "$work/apt" >&2; fail "apt-get -s install $deb"; }
grep -q '^Inst tlsprint ' "$work/apt" || { cat "$work/apt" >&2; fail "apt-get -s would not install tlsprint"; }
echo "check-deb: apt-get -s install: $(grep '^Inst tlsprint ' "$work/apt")"

# 4. The unpacked binary, with the toolchain hidden.
dpkg-deb -x "$deb" "$work/root"
packaged="$work/root/usr/bin/tlsprint"
# shellcheck source=scripts/packaging/hidden-toolchain.sh
. scripts/packaging/hidden-toolchain.sh
hidden "$packaged" --version >"$work/version" || fail "the packaged binary does not run with $toolchain hidden"
[ "$(cat "$work/version")" = "$version" ] || fail "packaged --version says '$(cat "$work/version")', not '$version'"
grep -q '(commit [0-9a-f]' "$work/version" || [ -n "${TLSPRINT_COMMIT:-}" ] \
    || fail "--version names no commit: $(cat "$work/version")"
sample=Tests/Fixtures/captures/sample.pcap
golden=Tests/Fixtures/golden/fixtures/sample.pcap.jsonl
hidden "$packaged" read --format json --dedup-ttl 0 --node-name golden --quiet "$sample" >"$work/read.jsonl" \
    || fail "the packaged binary's read of $sample failed with $toolchain hidden"
python3 scripts/golden/without-added-fields.py <"$work/read.jsonl" | cmp -s - "$golden" || fail "the packaged binary's read of $sample differs from $golden"
echo "check-deb: with $toolchain hidden, packaged tlsprint --version: $(cat "$work/version"); read of $sample equals its golden output"

# 5. The unit. verify checks that ExecStart's program exists and is executable, so it verifies a copy whose
# ExecStart (and EnvironmentFile) point into the unpacked tree instead of /usr/bin and /etc; MANPATH lets it
# find the packaged man page that Documentation= names.
command -v systemd-analyze >/dev/null || fail "systemd-analyze is missing (Debian package systemd; make deps)"
sed -e "s#/usr/bin/tlsprint#$packaged#" -e "s#/etc/default/tlsprint#$work/root/etc/default/tlsprint#" \
    "$work/root/lib/systemd/system/tlsprint.service" >"$work/tlsprint.service"
grep -q "^ExecStart=$packaged live " "$work/tlsprint.service" || fail "the packaged unit's ExecStart is not /usr/bin/tlsprint live"
grep -q '^RestartPreventExitStatus=64 77$' "$work/tlsprint.service" || fail "the unit lacks RestartPreventExitStatus=64 77"
if ! output=$(MANPATH="$work/root/usr/share/man" systemd-analyze verify "$work/tlsprint.service" 2>&1) || [ -n "$output" ]; then
    fail "systemd-analyze verify of the packaged unit: $output"
fi
echo "check-deb: systemd-analyze verify of the packaged unit: no complaint (systemd $(systemd-analyze --version | awk 'NR == 1 {print $2}'))"

# 6. Man pages and completions.
pages=0
for page in "$work"/root/usr/share/man/man1/*.1.gz; do
    warnings=$(zcat "$page" | LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z 2>&1)
    [ -z "$warnings" ] || fail "groff warns on $(basename "$page"): $warnings"
    MANWIDTH=80 man -l "$page" 2>/dev/null | grep -q '^SYNOPSIS' || fail "man -l $(basename "$page") shows no SYNOPSIS"
    pages=$((pages + 1))
done
MANWIDTH=80 man -l "$work/root/usr/share/man/man1/tlsprint-live.1.gz" 2>/dev/null | grep -q -- '--interface' \
    || fail "man tlsprint-live does not describe --interface"
bash -n "$work/root/usr/share/bash-completion/completions/tlsprint" || fail "the bash completion does not parse"
shells=bash
if command -v zsh >/dev/null; then
    zsh -n "$work/root/usr/share/zsh/vendor-completions/_tlsprint" || fail "the zsh completion does not parse"
    shells="$shells zsh"
fi
if command -v fish >/dev/null; then
    fish --no-execute "$work/root/usr/share/fish/vendor_completions.d/tlsprint.fish" || fail "the fish completion does not parse"
    shells="$shells fish"
fi
echo "check-deb: $pages man pages render without warnings; completions parse ($shells)"
echo "check-deb: PASS ($(basename "$deb"), $(stat -c %s "$deb") bytes; $((SECONDS - started)) s)"
