# scripts/live/client-server.sh — sourced by e2e.sh and metrics.sh: a server and a client network namespace
# joined by a veth pair, the addresses existing only inside them.
#
#   say() { ...; }                       # the caller's message function (used on cleanup)
#   source "$root/scripts/live/client-server.sh"
#   client_server_pair TAG OCTET         # sets server_ns client_ns server_if client_if server_ip client_ip
#                                        # (10.OCTET.N.1 and .2, N from the PID), work (a temp dir), pids=()
#   in_server CMD...; in_client CMD...   # run in a namespace
#   client_server_up                     # both veth ends up (after any sysctl the caller needs first)
#
# The EXIT trap stops every PID in "${pids[@]}", deletes both namespaces, and removes $work unless the script
# failed or KEEP_ARTIFACTS is set (then it says where the artifacts are). SIGINT/SIGTERM exit 130.
client_server_pair() {
    local tag=$1 octet=$2 id=$$
    local net=$((id % 250 + 1))
    server_ns="tlsprint-${tag}srv-$id"
    client_ns="tlsprint-${tag}cli-$id"
    server_if="t${tag:0:1}S$id"
    client_if="t${tag:0:1}C$id"
    server_ip="10.$octet.$net.1"
    client_ip="10.$octet.$net.2"
    work=$(mktemp -d "/tmp/tlsprint-$tag.XXXXXX")
    pids=()
    trap client_server_cleanup EXIT
    trap 'exit 130' INT TERM
    ip netns add "$server_ns"
    ip netns add "$client_ns"
    ip link add "$server_if" type veth peer name "$client_if"
    ip link set "$server_if" netns "$server_ns"
    ip link set "$client_if" netns "$client_ns"
    in_server ip addr add "$server_ip/24" dev "$server_if"
    in_client ip addr add "$client_ip/24" dev "$client_if"
    for ns in "$server_ns" "$client_ns"; do ip -n "$ns" link set lo up; done
}

client_server_up() {
    in_server ip link set "$server_if" up
    in_client ip link set "$client_if" up
}

in_server() { ip netns exec "$server_ns" "$@"; }
in_client() { ip netns exec "$client_ns" "$@"; }

client_server_cleanup() {
    local status=$?
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    ip netns del "$server_ns" 2>/dev/null || true
    ip netns del "$client_ns" 2>/dev/null || true
    if [[ ($status -ne 0 || -n ${KEEP_ARTIFACTS:-}) && -d $work ]]; then
        say "artifacts kept in $work"
    else
        rm -rf "$work"
    fi
    exit "$status"
}
