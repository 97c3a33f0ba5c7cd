#!/usr/bin/env bash
# scripts/packaging/deb-root-test.sh — installs the Debian package for real into a fresh minimal Debian root
# (`make deb-root-test`; outside CI: it downloads the package's dependencies from the Debian mirror):
#   1. unpacks a fresh copy of scripts/packaging/debian-root.sh's debootstrap root (no Swift, no libpcap);
#   2. in a chroot: `apt-get install ./tlsprint_*.deb` (dependencies from the mirror), then `dpkg -s`;
#   3. `tlsprint --version` and `tlsprint read` of the bundled sample, which must print its golden output;
#   4. runs what the unit runs — its ExecStart with the variables of its env file — for 3 s on `lo`, and checks
#      that the output the env file names received the startup event and the final sensor_stats;
#   5. `apt-get purge tlsprint` removes it, conffile and the events it wrote included.
# Needs root (chroot, mounts in a private namespace).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
started=$SECONDS
fail() { echo "deb-root-test: FAIL: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "needs root (chroot)"
tarball=$(scripts/packaging/debian-root.sh)
deb=$(scripts/packaging/build-deb.sh)
version=$("$root/dist/bin/tlsprint" --version)
chroot_dir="$root/dist/deb-root"
rm -rf "$chroot_dir"
mkdir -p "$chroot_dir"
tar -C "$chroot_dir" -xf "$tarball"
cp "$deb" "$chroot_dir/tmp/"
cp Tests/Fixtures/captures/sample.pcap "$chroot_dir/tmp/sample.pcap"
cp /etc/resolv.conf "$chroot_dir/etc/resolv.conf"
# in_root CMD: runs CMD (a shell command line) in the chroot, with /proc, /sys and /dev mounted in a private
# mount namespace, so nothing stays mounted on the host when it ends.
# shellcheck disable=SC2016  # the inner shell expands its own arguments
in_root() {
    unshare -m sh -c 'mount -t proc proc "$1/proc" && mount --rbind /sys "$1/sys" && mount --rbind /dev "$1/dev" \
        && exec chroot "$1" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C.UTF-8 /bin/sh -c "$2"' \
        sh "$chroot_dir" "$1"
}
if in_root 'command -v swift || ls /usr/lib/x86_64-linux-gnu/libpcap.so.0.8' >/dev/null 2>&1; then
    fail "the fresh root already has swift or libpcap"
fi

echo "deb-root-test: apt-get install ./$(basename "$deb") in a fresh $(basename "$tarball" .tar) root" >&2
in_root "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -q /tmp/$(basename "$deb")" \
    >"$root/dist/deb-root-install.log" 2>&1 || { tail -20 "$root/dist/deb-root-install.log" >&2; fail "apt-get install"; }
in_root 'dpkg -s tlsprint' | grep -qx 'Status: install ok installed' || fail "dpkg -s tlsprint: not installed"
echo "deb-root-test: installed with $(in_root 'dpkg -s tlsprint' | sed -n 's/^Depends: //p'):" \
    "$(grep -c '^Setting up ' "$root/dist/deb-root-install.log") packages set up"

inside_version=$(in_root 'tlsprint --version')
[ "$inside_version" = "$version" ] || fail "tlsprint --version in the root says '$inside_version', not '$version'"
in_root 'tlsprint read --format json --dedup-ttl 0 --node-name golden --quiet /tmp/sample.pcap' >"$root/dist/deb-root-read.jsonl" \
    || fail "tlsprint read in the root failed"
python3 scripts/golden/without-added-fields.py <"$root/dist/deb-root-read.jsonl" \
    | cmp -s - Tests/Fixtures/golden/fixtures/sample.pcap.jsonl \
    || fail "tlsprint read in the root differs from the golden output"
echo "deb-root-test: in the root: tlsprint --version: $inside_version; read of the sample equals its golden output"

# What tlsprint.service runs: ExecStart with its env file's variables. The file is read as systemd reads an
# EnvironmentFile (NAME=value taken literally, # lines skipped), not sourced; systemd splits the unquoted
# $TLSPRINT_ARGS at spaces, as the shell does here. The interface becomes lo; the directory is the unit's
# LogsDirectory, which systemd would create. SIGINT after 3 s, as systemd's SIGTERM would stop it (exit 0).
exec_start=$(sed -n 's/^ExecStart=//p' "$chroot_dir/lib/systemd/system/tlsprint.service")
output_file=$(sed -n 's#^TLSPRINT_OUTPUT=.*file:\([^ ,]*\).*#\1#p' "$chroot_dir/etc/default/tlsprint")
[ -n "$output_file" ] || fail "the env file names no file: output"
in_root "while IFS= read -r line; do case \$line in ''|'#'*) ;; *) export \"\$line\" ;; esac; done </etc/default/tlsprint
    export TLSPRINT_INTERFACE=lo; mkdir -p /var/log/tlsprint
    timeout --preserve-status -s INT 3 $exec_start" \
    || fail "the unit's command ($exec_start, env file) failed"
events=$(cat "$chroot_dir$output_file")
grep -q '"event":"startup"' <<<"$events" || fail "$output_file has no startup event"
tail -1 <<<"$events" | grep -q '"event":"sensor_stats"' || fail "the last event of $output_file is not sensor_stats"
echo "deb-root-test: the unit's command ($exec_start, env file, interface lo) wrote $(wc -l <<<"$events") events to $output_file"

in_root 'DEBIAN_FRONTEND=noninteractive apt-get purge -y -q tlsprint' >>"$root/dist/deb-root-install.log" 2>&1 \
    || fail "apt-get purge tlsprint"
for left in /usr/bin/tlsprint /etc/default/tlsprint /var/log/tlsprint; do
    [ ! -e "$chroot_dir$left" ] || fail "apt-get purge left $left"
done
echo "deb-root-test: PASS (purged cleanly; $((SECONDS - started)) s)"
