# scripts/packaging/hidden-toolchain.sh — sourced by the packaging checks (not run): runs a command as on a host
# without a Swift toolchain.
#   toolchain        the toolchain's directory, e.g. /opt/swift/usr (from `command -v swift`)
#   hidden CMD ARGS  runs CMD in a private mount namespace with an empty tmpfs over $toolchain, so nothing in
#                    it can be loaded; needs root (`unshare -m`)
# shellcheck shell=bash
toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v "${SWIFT:-swift}")")")")
# shellcheck disable=SC2016  # the inner shell expands its own arguments
hidden() { unshare -m sh -c 'mount -t tmpfs tmpfs "$1" && shift && exec "$@"' sh "$toolchain" "$@"; }
