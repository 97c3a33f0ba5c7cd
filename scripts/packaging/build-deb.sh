#!/usr/bin/env bash
# scripts/packaging/build-deb.sh — builds the Debian package from the release binary (`make deb`) and prints its
# path on stdout: dist/tlsprint_VERSION_ARCH.deb (dist/ is not tracked).
#
# Standard dpkg-dev tools, no debhelper: scripts/packaging/install.sh fills a staging root (PREFIX=/usr, the
# unit in /lib/systemd/system), dpkg-shlibdeps computes Depends from the binary's shared libraries,
# dpkg-gencontrol writes DEBIAN/control from packaging/debian/control, and `dpkg-deb --root-owner-group`
# builds the archive (files owned by root without fakeroot). VERSION is the first word of
# `tlsprint --version`; the Debian changelog is generated from it and the commit.
#   TLSPRINT_BINARY  the binary to package (default: scripts/build-release.sh's)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
umask 022
# Reproducible: man page dates, the changelog and every file's mtime in the archive (dpkg-deb clamps them)
# come from the commit's time.
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
export SOURCE_DATE_EPOCH
binary=${TLSPRINT_BINARY:-$(scripts/build-release.sh)}
version_line=$("$binary" --version)
version=${version_line%% *}
commit=$(sed -n 's/.*(commit \(.*\)).*/\1/p' <<<"$version_line")
arch=$(dpkg --print-architecture)
dist="$root/dist"
stage="$dist/deb/root"   # the package's file tree
src="$dist/deb/src"      # the debian/ directory dpkg-shlibdeps and dpkg-gencontrol read
deb="$dist/tlsprint_${version}_${arch}.deb"
say() { echo "build-deb: $*" >&2; }

rm -rf "$dist/deb" "$deb"
mkdir -p "$stage/DEBIAN" "$src/debian"
TLSPRINT_BINARY="$binary" PREFIX=/usr DESTDIR="$stage" UNITDIR=/lib/systemd/system SYSCONFDIR=/etc \
    scripts/packaging/install.sh

# Debian's places for the copyright file and the changelog of a native package.
doc="$stage/usr/share/doc/tlsprint"
install -m 0644 packaging/debian/copyright "$doc/copyright"
date=$(date -R -u -d "@$SOURCE_DATE_EPOCH")
cat >"$src/debian/changelog" <<EOF
tlsprint ($version) unstable; urgency=medium

  * Release $version, built from commit $commit.

 -- $(sed -n 's/^Maintainer: //p' packaging/debian/control)  $date
EOF
gzip -9n <"$src/debian/changelog" >"$doc/changelog.gz"
cp packaging/debian/control "$src/debian/control"

for script in postinst prerm postrm; do install -m 0755 "packaging/debian/$script" "$stage/DEBIAN/$script"; done
(cd "$stage" && find etc -type f | sed 's#^#/#') >"$stage/DEBIAN/conffiles"
(cd "$stage" && find usr lib -type f -print0 | sort -z | xargs -0 md5sum) >"$stage/DEBIAN/md5sums"

(
    cd "$src"
    dpkg-shlibdeps -Tdebian/substvars "$stage/usr/bin/tlsprint"
    dpkg-gencontrol -ptlsprint -v"$version" -Tdebian/substvars -P"$stage"
)
# dpkg-gencontrol writes DEBIAN/control with mode 0644 and computes Installed-Size from the tree.
say "$(grep '^Depends:' "$stage/DEBIAN/control")"

dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
say "$deb ($(stat -c %s "$deb") bytes)"
echo "$deb"
