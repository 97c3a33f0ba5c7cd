#!/usr/bin/env bash
# scripts/packaging/install.sh — installs tlsprint under DESTDIR/PREFIX: what `make install` runs, and what
# scripts/packaging/build-deb.sh runs (PREFIX=/usr) to fill the package.
#
#   PREFIX       default /usr/local        binary in PREFIX/bin, man pages, completions and docs under
#                                          PREFIX/share, the unit in UNITDIR
#   DESTDIR      default empty             staging root prepended to every path (packaging)
#   UNITDIR      default PREFIX/lib/systemd/system   (systemd also reads /usr/local/lib/systemd/system)
#   SYSCONFDIR   default /etc              the env file goes to SYSCONFDIR/default/tlsprint; an existing
#                                          one is kept (it is the operator's), the new one goes beside it
#                                          as tlsprint.dist
#   TLSPRINT_BINARY  default: the release build of scripts/build-release.sh
#
# The unit and the env file are written for the Debian package (/usr/bin/tlsprint, /etc/default/tlsprint,
# docs in /usr/share/doc/tlsprint); other prefixes get copies with those paths substituted. Man pages are
# generated from the binary's argument-parser definitions (man-pages.py) and gzipped; completions come from
# the binary itself (`--generate-completion-script`).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
prefix=${PREFIX:-/usr/local}
destdir=${DESTDIR:-}
unitdir=${UNITDIR:-$prefix/lib/systemd/system}
sysconfdir=${SYSCONFDIR:-/etc}
binary=${TLSPRINT_BINARY:-$(scripts/build-release.sh)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
say() { echo "install: $*" >&2; }

target="$destdir$prefix"
install -d "$target/bin" "$target/share/man/man1" "$target/share/doc/tlsprint/docs" \
    "$target/share/bash-completion/completions" "$target/share/fish/vendor_completions.d" \
    "$destdir$unitdir" "$destdir$sysconfdir/default"
install -m 0755 "$binary" "$target/bin/tlsprint"
say "$target/bin/tlsprint"

scripts/packaging/man-pages.py "$binary" "$work/man" >/dev/null
for page in "$work"/man/*.1; do
    installed="$target/share/man/man1/${page##*/}.gz"
    gzip -9n <"$page" >"$installed"
    chmod 0644 "$installed"
done
say "$target/share/man/man1: $(cd "$work/man" && echo *.1)"

# Debian's zsh reads vendor completions from /usr/share/zsh/vendor-completions; under another prefix,
# site-functions is the directory zsh searches by default.
if [ "$prefix" = /usr ]; then zshdir="$target/share/zsh/vendor-completions"; else zshdir="$target/share/zsh/site-functions"; fi
install -d "$zshdir"
"$binary" --generate-completion-script bash >"$target/share/bash-completion/completions/tlsprint"
"$binary" --generate-completion-script zsh >"$zshdir/_tlsprint"
"$binary" --generate-completion-script fish >"$target/share/fish/vendor_completions.d/tlsprint.fish"
chmod 0644 "$target/share/bash-completion/completions/tlsprint" "$zshdir/_tlsprint" \
    "$target/share/fish/vendor_completions.d/tlsprint.fish"
say "completions for bash, zsh and fish"

install -m 0644 README.md LICENSE NOTICE "$target/share/doc/tlsprint/"
install -m 0644 docs/*.md "$target/share/doc/tlsprint/docs/"
install -d "$target/share/doc/tlsprint/LICENSES"
install -m 0644 LICENSES/*.txt "$target/share/doc/tlsprint/LICENSES/"
say "$target/share/doc/tlsprint: README.md LICENSE NOTICE LICENSES/ docs/$(cd docs && echo *.md | sed 's/ / docs\//g')"

sed -e "s#/usr/bin/tlsprint#$prefix/bin/tlsprint#g" \
    -e "s#/usr/share/doc/tlsprint#$prefix/share/doc/tlsprint#g" \
    -e "s#/etc/default/tlsprint#$sysconfdir/default/tlsprint#g" \
    packaging/tlsprint.service >"$work/tlsprint.service"
install -m 0644 "$work/tlsprint.service" "$destdir$unitdir/tlsprint.service"
say "$destdir$unitdir/tlsprint.service"
env_file="$destdir$sysconfdir/default/tlsprint"
if [ -e "$env_file" ] && ! cmp -s packaging/tlsprint.env "$env_file"; then
    install -m 0644 packaging/tlsprint.env "$env_file.dist"
    say "$env_file exists and differs: kept; the shipped one is $env_file.dist"
else
    install -m 0644 packaging/tlsprint.env "$env_file"
    say "$env_file"
fi
if [ -z "$destdir" ] && [ -d /run/systemd/system ]; then
    systemctl daemon-reload || true
    say "systemd reloaded; start with: systemctl enable --now tlsprint (after editing $env_file)"
fi
