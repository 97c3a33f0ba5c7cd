#!/usr/bin/env bash
# `tlsprint live --metrics-listen` under real traffic, scraped with curl and checked with promtool.
#
# Two network namespaces joined by a veth pair, as scripts/live/e2e.sh builds them. In the server namespace
# `tlsprint live -i <veth> --metrics-listen 127.0.0.1:PORT` and `tcpdump -w` capture the same veth, with
# openssl s_server and Python's http.server; clients in the other namespace make TLS (curl, openssl s_client)
# and HTTP requests while a loop scrapes /metrics. Then:
#   - every scrape during the traffic answered 200;
#   - a scrape after it passes `promtool check metrics` (exit 0, no lint problem) and has the Content-Type
#     of text format 0.0.4;
#   - tlsprint_packets_total >= the packets tcpdump saw; tlsprint_events_total{type=tls_client_hello} and
#     {type=http_request} equal the tls_client_hello and http_request lines the same run wrote, and they
#     are at least the clients that succeeded; startup is 1; stdout's sent count covers them; a UDP output
#     to a collector is connected and sent no more than the collector received; a TCP output to a port
#     nobody listens on is not connected, sent nothing and holds the events in its queue;
#   - /, /nope give 404 and POST /metrics 405;
#   - every metric packaging/grafana-tlsprint.json queries is served, and its queries parse (promtool);
#   - a second `live` on the same port exits 73 naming the address; a malformed address exits 64;
#   - TLSPRINT_METRICS_LISTEN='[::1]:PORT' serves over IPv6 (when the namespace's lo has ::1).
# Needs root and `ip netns`; otherwise it prints why and exits 0. promtool comes from Debian's prometheus
# package (make deps); without it the script skips, except under CI=true, where it fails.
#
# Usage: scripts/live/metrics.sh            (TLSPRINT=/path/to/tlsprint to use a given binary; KEEP_ARTIFACTS=1
#                                           keeps the scrape, the events and the capture in /tmp)
set -euo pipefail

say() { printf 'metrics: %s\n' "$*"; }
skip() { say "SKIP: $*"; exit 0; }
fail() { say "FAIL: $*"; exit 1; }

[[ $(id -u) -eq 0 ]] || skip "needs root (network namespaces, CAP_NET_RAW)"
command -v ip >/dev/null && ip netns list >/dev/null 2>&1 || skip "'ip netns' is unavailable"
for tool in openssl tcpdump curl python3; do command -v "$tool" >/dev/null || skip "$tool is not installed"; done
if ! command -v promtool >/dev/null; then
    [[ ${CI:-} == true ]] && fail "promtool is not installed (Debian's prometheus package; make deps installs it)"
    skip "promtool is not installed (apt-get install --no-install-recommends prometheus)"
fi

root=$(cd "$(dirname "$0")/../.." && pwd)
tlsprint=${TLSPRINT:-}
if [[ -z $tlsprint ]]; then
    (cd "$root" && swift build --product tlsprint >/dev/null)
    tlsprint="$(cd "$root" && swift build --show-bin-path)/tlsprint"
fi
[[ -x $tlsprint ]] || fail "no tlsprint binary at $tlsprint"

# shellcheck source=scripts/live/client-server.sh
source "$root/scripts/live/client-server.sh"
client_server_pair metrics 201
port=9464
# No IPv6 on the veth: its multicast reports and router solicitations would come before tlsprint opens the
# capture (tcpdump, started first, would count them) or at any time after. Then only the clients' ARP and TCP
# cross the link, all after both captures are up.
in_server sysctl -qw "net.ipv6.conf.$server_if.disable_ipv6=1"
in_client sysctl -qw "net.ipv6.conf.$client_if.disable_ipv6=1"
client_server_up

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=metrics.tlsprint.test" \
    -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null

# wait_for FILE TEXT: up to 5 s for TEXT to appear in FILE.
wait_for() {
    for _ in $(seq 50); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
    return 1
}
# scrape OUTFILE PATH [curl options]: prints "<status> <content type>".
scrape() {
    local out=$1 path=$2
    shift 2
    in_server curl -sS --max-time 5 -o "$out" -w '%{http_code} %{content_type}' "$@" "http://127.0.0.1:$port$path"
}
# value NAME: the sample of the series NAME (with its labels, as printed) in metrics.txt.
value() { awk -v name="$1" '$1 == name { print $2 }' "$work/metrics.txt"; }

setsid ip netns exec "$server_ns" tcpdump -i "$server_if" -U -w "$work/run.pcap" 2>"$work/tcpdump.err" &
tcpdump_pid=$!
pids+=("$tcpdump_pid")
# A UDP collector that counts datagrams (output 1), and a TCP collector that is not there (output 2).
setsid ip netns exec "$server_ns" python3 -c '
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 5514))
print("ready", flush=True)
count = 0
while True:
    s.recv(65536)
    count += 1
    with open(sys.argv[1], "w") as out:
        out.write(str(count))
' "$work/udp.count" >"$work/udp.ready" 2>&1 &
pids+=($!)
wait_for "$work/udp.ready" ready || fail "the UDP collector did not start"
ip netns exec "$server_ns" "$tlsprint" live -i "$server_if" --format json --dedup-ttl 0 --stats-interval 1 \
    --node-name metrics --metrics-listen "127.0.0.1:$port" --drain-timeout 1 \
    --output - --output udp://127.0.0.1:5514 --output tcp://127.0.0.1:6514 >"$work/live.jsonl" 2>"$work/live.err" &
live_pid=$!
pids+=("$live_pid")
setsid ip netns exec "$server_ns" openssl s_server -accept 4433 -key "$work/key.pem" -cert "$work/cert.pem" -www -quiet \
    >/dev/null 2>&1 &
pids+=($!)
setsid ip netns exec "$server_ns" python3 -m http.server 8081 --bind "$server_ip" --directory "$work" \
    >/dev/null 2>&1 &
pids+=($!)

wait_for "$work/tcpdump.err" "listening on" || fail "tcpdump did not start"
wait_for "$work/live.err" "metrics at http://127.0.0.1:$port/metrics" || {
    cat "$work/live.err"
    fail "tlsprint live did not start serving metrics"
}
sleep 0.5

# Scrapes while the traffic runs: every one must answer.
setsid ip netns exec "$server_ns" bash -c "for i in \$(seq 30); do
    curl -s -o /dev/null --max-time 2 -w '%{http_code}\n' http://127.0.0.1:$port/metrics || echo failed
    sleep 0.1
done" >"$work/during.txt" 2>&1 &
scraper_pid=$!
pids+=("$scraper_pid")

tls_clients=0
http_clients=0
host=metrics.tlsprint.test
for round in 1 2 3; do
    for version in --tlsv1.2 --tlsv1.3; do
        max=()
        [[ $version == --tlsv1.2 ]] && max=(--tls-max 1.2)
        if in_client timeout 10 curl -sk "$version" "${max[@]}" --resolve "$host:4433:$server_ip" \
            "https://$host:4433/" </dev/null >/dev/null 2>&1; then
            tls_clients=$((tls_clients + 1))
        else
            say "TLS client (curl $version, round $round) failed"
        fi
    done
    if in_client timeout 10 openssl s_client -connect "$server_ip:4433" -servername "$host" </dev/null >/dev/null 2>&1; then
        tls_clients=$((tls_clients + 1))
    else
        say "TLS client (openssl s_client, round $round) failed"
    fi
    for path in / /cert.pem; do
        if in_client timeout 10 curl -s -o /dev/null "http://$server_ip:8081$path" </dev/null; then
            http_clients=$((http_clients + 1))
        else
            say "HTTP client for $path failed"
        fi
    done
done
wait "$scraper_pid" || true
during_ok=$(grep -c '^200$' "$work/during.txt" || true)
[[ $during_ok -eq 30 ]] || fail "only $during_ok of 30 scrapes during the traffic answered 200 ($work/during.txt)"
say "30 of 30 scrapes during traffic answered 200"

# Let the last flows' events reach the output, then freeze tcpdump's count and wait for a publish.
sleep 1.5
kill -TERM "$tcpdump_pid"
wait "$tcpdump_pid" 2>/dev/null || true
tcpdump_packets=$(tcpdump -r "$work/run.pcap" 2>/dev/null | wc -l)
sleep 2.5  # a ring block retires within 100 ms, the loop wakes every 200 ms, publishes every second

answer=$(scrape "$work/metrics.txt" /metrics)
[[ $answer == "200 text/plain; version=0.0.4; charset=utf-8" ]] || fail "/metrics answered '$answer'"
if ! promtool check metrics <"$work/metrics.txt" >"$work/promtool.out" 2>&1; then
    cat "$work/promtool.out"
    fail "promtool check metrics failed"
fi
[[ -s $work/promtool.out ]] && { cat "$work/promtool.out"; fail "promtool check metrics found problems"; }
say "promtool check metrics: no problems ($(grep -c '^tlsprint_' "$work/metrics.txt") series)"

packets=$(value tlsprint_packets_total)
hello_metric=$(value 'tlsprint_events_total{type="tls_client_hello"}')
http_metric=$(value 'tlsprint_events_total{type="http_request"}')
startup_metric=$(value 'tlsprint_events_total{type="startup"}')
sent_metric=$(value 'tlsprint_output_sent_total{output="0",destination="-"}')
udp_sent=$(value 'tlsprint_output_sent_total{output="1",destination="udp://127.0.0.1:5514"}')
udp_connected=$(value 'tlsprint_output_connected{output="1",destination="udp://127.0.0.1:5514"}')
udp_received=$(cat "$work/udp.count" 2>/dev/null || echo 0)
tcp_sent=$(value 'tlsprint_output_sent_total{output="2",destination="tcp://127.0.0.1:6514"}')
tcp_connected=$(value 'tlsprint_output_connected{output="2",destination="tcp://127.0.0.1:6514"}')
tcp_queued=$(value 'tlsprint_output_queue_depth{output="2",destination="tcp://127.0.0.1:6514"}')
hello_lines=$(grep -c '"event":"tls_client_hello"' "$work/live.jsonl" || true)
http_lines=$(grep -c '"event":"http_request"' "$work/live.jsonl" || true)
say "packets: metric $packets, tcpdump $tcpdump_packets; tls_client_hello: metric $hello_metric, lines $hello_lines," \
    "clients $tls_clients; http_request: metric $http_metric, lines $http_lines, clients $http_clients;" \
    "output 0 sent $sent_metric"
[[ -n $packets && $packets -ge $tcpdump_packets && $tcpdump_packets -gt 0 ]] \
    || fail "tlsprint_packets_total $packets < the $tcpdump_packets packets tcpdump saw"
[[ $hello_metric == "$hello_lines" ]] || fail "tls_client_hello: metric $hello_metric != $hello_lines lines written"
[[ $hello_lines -ge $tls_clients && $tls_clients -ge 6 ]] || fail "$hello_lines hellos for $tls_clients TLS clients"
[[ $http_metric == "$http_lines" ]] || fail "http_request: metric $http_metric != $http_lines lines written"
[[ $http_lines -ge $http_clients && $http_clients -ge 4 ]] || fail "$http_lines requests for $http_clients clients"
[[ $startup_metric == 1 ]] || fail "tlsprint_events_total{type=\"startup\"} is '$startup_metric'"
[[ $sent_metric -ge $((hello_lines + http_lines)) ]] || fail "output 0 sent only $sent_metric events"
say "udp output: sent $udp_sent, connected $udp_connected, collector received $udp_received;" \
    "tcp output (nobody listening): sent $tcp_sent, connected $tcp_connected, queued $tcp_queued"
[[ $udp_connected == 1.0 && $udp_sent -ge $((hello_lines + http_lines)) && $udp_received -ge $udp_sent ]] \
    || fail "udp output: sent $udp_sent, connected $udp_connected, received $udp_received"
[[ $tcp_connected == 0.0 && $tcp_sent == 0 && ${tcp_queued%.0} -ge $((hello_lines + http_lines)) ]] \
    || fail "tcp output: sent $tcp_sent, connected $tcp_connected, queued $tcp_queued"
[[ $(value tlsprint_bytes_total) -gt 0 ]] || fail "tlsprint_bytes_total is 0"
[[ $(value tlsprint_flows_created_total) -ge $((tls_clients + http_clients)) ]] || fail "too few flows created"
grep -q '^tlsprint_build_info{version="[0-9.]*",commit="[^"]*"} 1.0$' "$work/metrics.txt" || fail "no build info"

# The Grafana dashboard: every metric it names is served, and every query parses (as a recording rule for
# promtool, with Grafana's variables filled in).
python3 - "$root/packaging/grafana-tlsprint.json" "$work/metrics.txt" "$work/dashboard-rules.yml" <<'PY' \
    || fail "packaging/grafana-tlsprint.json does not match the metrics"
import json, re, sys
dashboard, scraped, rules = sys.argv[1:4]
served = {line.split()[2] for line in open(scraped) if line.startswith("# TYPE ")}
exprs = [t["expr"] for p in json.load(open(dashboard))["panels"] for t in p["targets"]]
unknown = sorted({n for e in exprs for n in re.findall(r"tlsprint_[a-z_]+", e)} - served)
if unknown:
    sys.exit(f"metrics: the dashboard names metrics not served: {unknown}")
with open(rules, "w") as out:
    out.write("groups:\n- name: dashboard\n  rules:\n")
    for i, e in enumerate(exprs):
        e = e.replace("$__rate_interval", "5m").replace("$instance", ".*")
        out.write(f"  - record: dashboard:query{i}\n    expr: {json.dumps(e)}\n")
print(f"metrics: the dashboard's {len(exprs)} queries name only served metrics")
PY
promtool check rules "$work/dashboard-rules.yml" >"$work/rules.out" 2>&1 || { cat "$work/rules.out"; fail "a dashboard query does not parse"; }

for path in / /nope; do
    answer=$(scrape "$work/other.txt" "$path")
    [[ $answer == 404* ]] || fail "$path answered '$answer', not 404"
done
answer=$(scrape "$work/other.txt" /metrics -X POST -d x=1)
[[ $answer == 405* ]] || fail "POST /metrics answered '$answer', not 405"
say "/ and /nope: 404; POST /metrics: 405"

status=0
in_server timeout 10 "$tlsprint" live -i "$server_if" --metrics-listen "127.0.0.1:$port" >/dev/null 2>"$work/second.err" \
    || status=$?
[[ $status -eq 73 ]] || fail "a second live on port $port exited $status, not 73: $(cat "$work/second.err")"
grep -q "^tlsprint: --metrics-listen 127.0.0.1:$port: cannot listen: Address already in use$" "$work/second.err" \
    || fail "unexpected message: $(cat "$work/second.err")"
status=0
in_server "$tlsprint" live -i "$server_if" --metrics-listen "$port" >/dev/null 2>"$work/usage.err" || status=$?
[[ $status -eq 64 ]] || fail "--metrics-listen $port exited $status, not 64"
say "port in use: exit 73 ($(cat "$work/second.err")); '$port' alone: exit 64"

kill -TERM "$live_pid"
live_status=0
wait "$live_pid" || live_status=$?
[[ $live_status -eq 0 ]] || fail "tlsprint live exited $live_status after SIGTERM"
final_packets=$(grep '"final":true' "$work/live.jsonl" | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["packets"])')
[[ $final_packets -ge $packets ]] || fail "final sensor_stats packets $final_packets < scraped $packets"

if in_server ip -6 addr show dev lo 2>/dev/null | grep -q '::1/128'; then
    TLSPRINT_METRICS_LISTEN="[::1]:$((port + 1))" ip netns exec "$server_ns" "$tlsprint" live -i "$server_if" \
        >/dev/null 2>"$work/ipv6.err" &
    ipv6_pid=$!
    pids+=("$ipv6_pid")
    wait_for "$work/ipv6.err" "metrics at http://\[::1\]:$((port + 1))/metrics" || fail "no IPv6 listener: $(cat "$work/ipv6.err")"
    answer=$(in_server curl -sS -g --max-time 5 -o "$work/ipv6.txt" -w '%{http_code}' "http://[::1]:$((port + 1))/metrics")
    [[ $answer == 200 ]] || fail "[::1] scrape answered $answer"
    promtool check metrics <"$work/ipv6.txt" >"$work/promtool6.out" 2>&1 && [[ ! -s $work/promtool6.out ]] \
        || fail "promtool on the IPv6 scrape: $(cat "$work/promtool6.out")"
    kill -TERM "$ipv6_pid"
    wait "$ipv6_pid" || fail "the IPv6 instance exited $?"
    say "TLSPRINT_METRICS_LISTEN=[::1]:$((port + 1)): 200, promtool clean"
else
    say "no ::1 on the namespace's lo: IPv6 check skipped"
fi
say "PASS"
