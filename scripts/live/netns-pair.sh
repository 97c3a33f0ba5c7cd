# scripts/live/netns-pair.sh — sourced by the live benchmarks: two network namespaces joined by a veth pair.
#
#   source "$root/scripts/live/netns-pair.sh"
#   netns_pair NAME     # sets send_ns, recv_ns, send_if, recv_if (links up) and work (a temp dir)
#
# The EXIT trap kills "$pid" (the caller's capturer, if set) and deletes both namespaces and the temp dir,
# also when the caller fails half-way.
pid=""
netns_pair() {
    local name=$1 id=$$
    send_ns="tlsprint-$name-send-$id"
    recv_ns="tlsprint-$name-recv-$id"
    send_if="${name:0:1}S$id"
    recv_if="${name:0:1}R$id"
    work=$(mktemp -d "/tmp/tlsprint-$name.XXXXXX")
    trap netns_pair_cleanup EXIT
    ip netns add "$send_ns"
    ip netns add "$recv_ns"
    ip link add "$send_if" type veth peer name "$recv_if"
    ip link set "$send_if" netns "$send_ns"
    ip link set "$recv_if" netns "$recv_ns"
    ip -n "$send_ns" link set "$send_if" up
    ip -n "$recv_ns" link set "$recv_if" up
}
netns_pair_cleanup() {
    [[ -n $pid ]] && kill "$pid" 2>/dev/null || true
    ip netns del "$send_ns" 2>/dev/null || true
    ip netns del "$recv_ns" 2>/dev/null || true
    rm -rf "$work"
}
