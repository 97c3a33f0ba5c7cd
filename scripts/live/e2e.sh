#!/usr/bin/env bash
# End-to-end test of `tlsprint live` with real TLS stacks (issue 3, must-have 8).
#
# Two network namespaces joined by a veth pair (10.200.N.1 server, 10.200.N.2 client; the addresses exist
# only inside the namespaces). TLS servers (openssl s_server, gnutls-serv if installed) run in the server
# namespace, where `tlsprint live -i <veth> --format json` and `tcpdump -w` capture the same veth at the
# same time. Clients (openssl s_client, curl, gnutls-cli if installed) connect at TLS 1.2 and 1.3. Then:
#   - every TLS event's JA3/JA4/JA4S/JA4T from live equals the one `tlsprint read` gives on the tcpdump file,
#     and so does every `http_request` (curl to Python's http.server on port 8081) with its JA4H;
#   - JA3 equals tshark's tls.handshake.ja3 (skipped when tshark is absent);
#   - ja4l_c is present on live events; the first event is `startup` (with the interface, EN10MB, snaplen and
#     version), the last a `sensor_stats` with final=true (the periodic ones final=false).
# Needs root and `ip netns`; otherwise it prints why and exits 0. Cleans up on any exit.
#
# Usage: scripts/live/e2e.sh            (TLSPRINT=/path/to/tlsprint to use a given binary)
set -euo pipefail

say() { printf 'e2e: %s\n' "$*"; }
skip() { say "SKIP: $*"; exit 0; }

[[ $(id -u) -eq 0 ]] || skip "needs root (network namespaces, CAP_NET_RAW)"
command -v ip >/dev/null && ip netns list >/dev/null 2>&1 || skip "'ip netns' is unavailable"
for tool in openssl tcpdump curl python3; do command -v "$tool" >/dev/null || skip "$tool is not installed"; done

root=$(cd "$(dirname "$0")/../.." && pwd)
tlsprint=${TLSPRINT:-}
if [[ -z $tlsprint ]]; then
    (cd "$root" && swift build --product tlsprint >/dev/null)
    tlsprint="$(cd "$root" && swift build --show-bin-path)/tlsprint"
fi
[[ -x $tlsprint ]] || { say "FAIL: no tlsprint binary at $tlsprint"; exit 1; }

# shellcheck source=scripts/live/client-server.sh
source "$root/scripts/live/client-server.sh"
client_server_pair e2e 200
client_server_up

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=e2e.tlsprint.test" \
    -addext "subjectAltName=DNS:e2e.tlsprint.test" -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null

# Captures first, so they see every handshake. Background jobs run `ip netns exec` directly (it execs the
# command), so $! is the process to signal, not a subshell; setsid keeps the helpers out of our process
# group (a server that signals its group on exit must not hit this script).
setsid ip netns exec "$server_ns" tcpdump -i "$server_if" -U -w "$work/run.pcap" 2>"$work/tcpdump.err" &
pids+=($!)
ip netns exec "$server_ns" "$tlsprint" live -i "$server_if" --format json --dedup-ttl 0 --stats-interval 1 --node-name e2e \
    >"$work/live.jsonl" 2>"$work/live.err" &
live_pid=$!
pids+=($live_pid)

setsid ip netns exec "$server_ns" openssl s_server -accept 4433 -key "$work/key.pem" -cert "$work/cert.pem" -www -quiet \
    >/dev/null 2>&1 &
pids+=($!)
# Plain HTTP on a port no TLS or HTTP rule names: recognised by its request line.
setsid ip netns exec "$server_ns" python3 -m http.server 8081 --bind "$server_ip" --directory "$work" \
    >/dev/null 2>&1 &
pids+=($!)
have_gnutls=0
if command -v gnutls-serv >/dev/null && command -v gnutls-cli >/dev/null; then
    have_gnutls=1
    setsid ip netns exec "$server_ns" gnutls-serv --port 4434 --x509certfile "$work/cert.pem" --x509keyfile "$work/key.pem" --http \
        >/dev/null 2>&1 &
    pids+=($!)
fi

for _ in $(seq 50); do
    grep -q "listening on" "$work/tcpdump.err" 2>/dev/null && grep -q "capturing on" "$work/live.err" && break
    sleep 0.1
done
grep -q "capturing on" "$work/live.err" || { say "FAIL: tlsprint live did not start"; cat "$work/live.err"; exit 1; }
sleep 0.5

clients=0
run_client() {
    local name=$1; shift
    if in_client timeout 10 "$@" </dev/null >/dev/null 2>&1; then
        clients=$((clients + 1))
    else
        say "client '$name' failed (continuing; its handshake may be partial)"
    fi
}
host=e2e.tlsprint.test
run_client "openssl s_client TLS 1.2" openssl s_client -connect "$server_ip:4433" -servername "$host" -tls1_2
run_client "openssl s_client TLS 1.3" openssl s_client -connect "$server_ip:4433" -servername "$host" -tls1_3
run_client "curl TLS 1.2" curl -sk --tlsv1.2 --tls-max 1.2 --resolve "$host:4433:$server_ip" "https://$host:4433/"
run_client "curl TLS 1.3" curl -sk --tlsv1.3 --resolve "$host:4433:$server_ip" "https://$host:4433/"
if [[ $have_gnutls -eq 1 ]]; then
    for version in 1.2 1.3; do
        run_client "gnutls-cli TLS $version" gnutls-cli --insecure --sni-hostname "$host" -p 4434 \
            --priority "NORMAL:-VERS-ALL:+VERS-TLS$version" "$server_ip"
    done
fi
http_clients=0
for path in / /cert.pem; do
    if in_client timeout 10 curl -s -o /dev/null "http://$server_ip:8081$path" </dev/null; then
        http_clients=$((http_clients + 1))
    else
        say "HTTP client for $path failed"
    fi
done
sleep 1.5

kill -TERM "$live_pid"
live_status=0
wait "$live_pid" || live_status=$?
[[ $live_status -eq 0 ]] || { say "FAIL: tlsprint live exited $live_status after SIGTERM"; exit 1; }
for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
pids=()

"$tlsprint" read --format json --dedup-ttl 0 --quiet "$work/run.pcap" >"$work/read.jsonl"
tshark_file=""
if command -v tshark >/dev/null; then
    tshark -r "$work/run.pcap" -Y "tls.handshake.type==1" -T fields -e tcp.srcport -e tls.handshake.ja3 \
        >"$work/tshark.tsv" 2>/dev/null
    tshark_file="$work/tshark.tsv"
else
    say "tshark not installed: JA3-vs-tshark check skipped"
fi

python3 "$(dirname "$0")/compare.py" "$work/live.jsonl" "$work/read.jsonl" "$clients" "$server_if" "$http_clients" \
    ${tshark_file:+"$tshark_file"}
