#!/usr/bin/env bash
# make-fixtures.sh — capture real TLS handshakes from real TLS stacks on loopback (or in a
# network namespace this script creates and deletes) and write committed fixtures:
#   Tests/Fixtures/captures/NAME.pcap            the capture (tcpdump -w, default snaplen)
#   Tests/Fixtures/captures/NAME.expected.json   per-stream values from the independent oracle
#                                                (scripts/oracle/ja4_oracle.py over tshark 4.0.17)
#   Tests/Fixtures/captures/sample.pcap          curl TLS 1.3 + openssl TLS 1.2 (README demo)
# Needs root, tcpdump, tshark (mergecap), openssl, curl, gnutls-bin, ethtool, iproute2, python3;
# java and node are used when present.
# Nothing leaves the machine. Usage: scripts/make-fixtures.sh [CASE ...]  (default: all cases)
# Re-running overwrites the fixtures with new captures (new keys, new timestamps): run once,
# commit, and update SOURCES.md if tool versions changed.
set -euo pipefail

# shellcheck source=scripts/fixtures/common.sh
source "$(dirname "$0")/fixtures/common.sh"
fixture_init fx veth-fx0
HERE="$ROOT/scripts/fixtures"

# ---------- certificates: root CA -> intermediate -> leaf, plus a self-signed cert ----------
make_certs() {
    cd "$WORK"
    local ec=(-newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes)
    openssl req -x509 "${ec[@]}" -keyout root.key -out root.pem -days 3650 -sha256 \
        -subj "/C=DE/O=tlsprint test/CN=tlsprint Test Root CA" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
    openssl req -new "${ec[@]}" -keyout inter.key -out inter.csr -subj "/C=DE/O=tlsprint test/CN=tlsprint Test Intermediate CA" 2>/dev/null
    printf 'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n' > inter.ext
    openssl x509 -req -in inter.csr -CA root.pem -CAkey root.key -set_serial 0x1001 -days 1825 -sha256 -extfile inter.ext -out inter.pem 2>/dev/null
    openssl req -new "${ec[@]}" -keyout leaf.key -out leaf.csr -subj "/C=DE/ST=Berlin/O=tlsprint test/CN=tlsprint.test" 2>/dev/null
    printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:tlsprint.test,DNS:*.tlsprint.test,DNS:localhost,IP:127.0.0.1,IP:::1\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n' > leaf.ext
    openssl x509 -req -in leaf.csr -CA inter.pem -CAkey inter.key -set_serial 0x2a0b3c4d5e6f -days 825 -sha256 -extfile leaf.ext -out leaf.pem 2>/dev/null
    cat inter.pem > chain2.pem
    cat inter.pem root.pem > chain3.pem
    openssl req -x509 -newkey rsa:2048 -nodes -keyout self.key -out self.pem -days 365 -sha256 \
        -subj "/CN=self-signed.tlsprint.test" -addext "subjectAltName=DNS:self-signed.tlsprint.test" 2>/dev/null
    cd - >/dev/null
}

# ---------- capture helpers ----------
CAP_PID=""
cap_start() { # file iface filter [netns]
    local file=$1 iface=$2 filter=$3
    tcpdump -i "$iface" -w "$file" -U -n "$filter" 2>"$WORK/tcpdump.log" &
    CAP_PID=$!; PIDS+=("$CAP_PID")
    for _ in $(seq 100); do grep -q "listening on" "$WORK/tcpdump.log" && break; sleep 0.1; done
    sleep 0.3
}

SRV_PID=""
# s_server ends a connection when its stdin hits EOF: give it a stdin that stays open a while.
# Waits until something listens on the port the server was given (-accept / -p), in the netns if used.
srv_start() {
    "$@" < <(sleep 20) >"$WORK/server.log" 2>&1 & SRV_PID=$!; PIDS+=("$SRV_PID")
    local port="" prev="" a ssx=(ss)
    for a in "$@"; do
        case "$prev" in -accept|-p) port="${a##*:}";; esac
        prev="$a"
    done
    [ "$1" = ip ] && ssx=(ip netns exec "$NS" ss)
    for _ in $(seq 100); do "${ssx[@]}" -ltnH "sport = :$port" | grep -q . && break; sleep 0.1; done
    sleep 0.2
}

hold() { sleep "${1:-0.5}"; }                  # stdin for s_client: EOF after a pause
SRV=(openssl s_server -key "$WORK/leaf.key" -cert "$WORK/leaf.pem" -cert_chain "$WORK/chain2.pem")
CLI=(openssl s_client -connect)

finish() { # name port description [decode ports...]
    local name=$1 port=$2 desc=$3; shift 3
    local dargs=(-d "tcp.port==$port,tls")
    for p in "$@"; do dargs+=(-d "tcp.port==$p,tls"); done
    python3 - "$OUT/$name.pcap" "$desc" "$ORACLE" "${dargs[@]}" > "$OUT/$name.expected.json" <<'PY'
import json, subprocess, sys
pcap, desc, oracle, dargs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
streams = json.loads(subprocess.run(["python3", oracle, *dargs, pcap], check=True, capture_output=True).stdout)
print(json.dumps({"pcap": pcap.rsplit("/", 1)[-1], "description": desc,
                  "oracle": "scripts/oracle/ja4_oracle.py over tshark 4.0.17 (ja3*: tshark fields)",
                  "tshark_decode_as": [d for d in dargs if d != "-d"], "streams": streams}, indent=1))
PY
    local summary
    summary=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(len(d['streams']),'streams', [s.get('ja4') for s in d['streams']])" "$OUT/$name.expected.json")
    log "$name: $summary"
    case "$summary" in 0\ streams*|*None*) log "$name: incomplete capture"; FAILED=1;; esac
}

# ---------- cases ----------
case_openssl_versions() {
    local v p=4431
    for v in 0 1 2 3; do
        local sec=() ; [ $v -lt 2 ] && sec=(-cipher "DEFAULT@SECLEVEL=0")
        cap_start "$OUT/openssl-tls1$v.pcap" lo "tcp port $p"
        srv_start "${SRV[@]}" -accept $p -naccept 1 -tls1_$v "${sec[@]}" -alpn http/1.1
        [ $v = 0 ] && { srv_stop; srv_start "${SRV[@]}" -accept $p -naccept 1 -tls1 "${sec[@]}" -alpn http/1.1; }
        local cv=-tls1_$v; [ $v = 0 ] && cv=-tls1
        hold | "${CLI[@]}" 127.0.0.1:$p $cv "${sec[@]}" -servername "tls1$v.tlsprint.test" -alpn h2,http/1.1 >/dev/null 2>&1 || true
        srv_stop; cap_stop
        finish "openssl-tls1$v" $p "openssl $(openssl version | cut -d' ' -f2) s_client -> s_server, TLS 1.$v only$([ $v -lt 2 ] && echo ' (SECLEVEL=0)'), SNI, ALPN h2,http/1.1 -> http/1.1, leaf+intermediate chain"
        p=$((p + 1))
    done
}

case_curl() {
    local p=4435 alpn
    for alpn in http/1.1 h2; do
        local name=curl-http11 flag=--http1.1; [ "$alpn" = h2 ] && { name=curl-h2; flag=--http2; }
        cap_start "$OUT/$name.pcap" lo "tcp port $p"
        srv_start "${SRV[@]}" -accept $p -naccept 1 -www -alpn "$alpn"
        curl -sk $flag --max-time 5 --resolve "curl.tlsprint.test:$p:127.0.0.1" "https://curl.tlsprint.test:$p/" >/dev/null 2>&1 || true
        srv_stop; cap_stop
        finish "$name" $p "curl $(curl --version | head -1 | cut -d' ' -f2) ($flag) -> openssl s_server -www selecting ALPN $alpn"
        p=$((p + 1))
    done
}

case_gnutls() {
    local p=4437
    cap_start "$OUT/gnutls.pcap" lo "tcp port $p"
    srv_start gnutls-serv -p $p --http --x509certfile "$WORK/leaf.pem" --x509keyfile "$WORK/leaf.key" --alpn http/1.1
    printf 'GET / HTTP/1.0\r\n\r\n' | timeout 5 gnutls-cli -p $p --insecure --sni-hostname gnutls.tlsprint.test --alpn h2 --alpn http/1.1 127.0.0.1 >/dev/null 2>&1 || true
    srv_stop; cap_stop
    finish gnutls $p "gnutls-cli $(gnutls-cli --version | head -1 | cut -d' ' -f2) -> gnutls-serv --http, SNI, ALPN h2,http/1.1"
}

case_python() {
    local p=4438
    cap_start "$OUT/python-ssl.pcap" lo "tcp port $p"
    srv_start "${SRV[@]}" -accept $p -naccept 1 -www -alpn http/1.1
    timeout 5 python3 "$HERE/py_client.py" 127.0.0.1 $p || true
    srv_stop; cap_stop
    finish python-ssl $p "Python $(python3 -c 'import ssl,sys; print(sys.version.split()[0], ssl.OPENSSL_VERSION)') ssl client -> openssl s_server, SNI, ALPN h2,http/1.1"
}

case_java() {
    command -v java >/dev/null && java -version >/dev/null 2>&1 || { log "java: not available, skipped"; return; }
    local p=4439
    cap_start "$OUT/java.pcap" lo "tcp port $p"
    srv_start "${SRV[@]}" -accept $p -naccept 1 -www
    timeout 30 java "$HERE/JavaClient.java" "https://localhost:$p/" >/dev/null 2>&1 || true
    srv_stop; cap_stop
    finish java $p "$(java -version 2>&1 | head -1) HttpsURLConnection -> openssl s_server -www (SNI localhost)"
}

case_node() {
    command -v node >/dev/null || { log "node: not available, skipped"; return; }
    local p=4440
    cap_start "$OUT/node.pcap" lo "tcp port $p"
    srv_start "${SRV[@]}" -accept $p -naccept 1 -www -alpn http/1.1
    timeout 10 node -e "require('https').get({host:'127.0.0.1',port:$p,servername:'node.tlsprint.test',rejectUnauthorized:false,ALPNProtocols:['http/1.1'],path:'/'},r=>{r.resume();r.on('end',()=>process.exit(0))}).on('error',()=>process.exit(0))" || true
    srv_stop; cap_stop
    finish node $p "node $(node --version) https.get -> openssl s_server -www, SNI, ALPN http/1.1"
}

case_tls12_resumption() {
    local p=4441 mode name flags
    for mode in sessionid ticket; do
        name=tls12-resume-$mode; flags=(); [ $mode = sessionid ] && flags=(-no_ticket)
        cap_start "$OUT/$name.pcap" lo "tcp port $p"
        srv_start "${SRV[@]}" -accept $p -naccept 2 -tls1_2 "${flags[@]}"
        hold 0.5 | "${CLI[@]}" 127.0.0.1:$p -tls1_2 "${flags[@]}" -servername resume.tlsprint.test -sess_out "$WORK/s12.$mode" >/dev/null 2>&1 || true
        hold 0.5 | "${CLI[@]}" 127.0.0.1:$p -tls1_2 "${flags[@]}" -servername resume.tlsprint.test -sess_in "$WORK/s12.$mode" >/dev/null 2>&1 || true
        srv_stop; cap_stop
        finish "$name" $p "TLS 1.2 full handshake then resumption by $mode (openssl s_client -sess_out/-sess_in$([ $mode = sessionid ] && echo ', -no_ticket on both sides'))"
        p=$((p + 1))
    done
}

case_tls13_psk_0rtt() {
    local p=4443
    printf 'GET / HTTP/1.0\r\n\r\n' > "$WORK/early.txt"
    cap_start "$OUT/tls13-psk-0rtt.pcap" lo "tcp port $p"
    srv_start "${SRV[@]}" -accept $p -naccept 2 -tls1_3 -early_data
    hold 1 | "${CLI[@]}" 127.0.0.1:$p -tls1_3 -servername psk.tlsprint.test -sess_out "$WORK/s13" >/dev/null 2>&1 || true
    hold 1 | "${CLI[@]}" 127.0.0.1:$p -tls1_3 -servername psk.tlsprint.test -sess_in "$WORK/s13" -early_data "$WORK/early.txt" >/dev/null 2>&1 || true
    srv_stop; cap_stop
    finish tls13-psk-0rtt $p "TLS 1.3 full handshake, then PSK resumption with 0-RTT early data (s_server -early_data, s_client -sess_in -early_data)"
}

case_hrr() {
    local p=4444
    cap_start "$OUT/tls13-hrr.pcap" lo "tcp port $p"
    srv_start "${SRV[@]}" -accept $p -naccept 1 -tls1_3 -groups P-256
    hold | "${CLI[@]}" 127.0.0.1:$p -tls1_3 -groups X25519:P-256 -servername hrr.tlsprint.test >/dev/null 2>&1 || true
    srv_stop; cap_stop
    finish tls13-hrr $p "TLS 1.3 HelloRetryRequest: client key share X25519 (groups X25519:P-256), server accepts only P-256; second ClientHello on the same connection"
}

long_alpn() { python3 -c "print(','.join(['h2','http/1.1'] + ['x-fixture-protocol-%02d' % i for i in range($1)]))"; }

case_split_records() {
    local p=4445
    cap_start "$OUT/ch-two-records.pcap" lo "tcp port $p"
    srv_start "${SRV[@]}" -accept $p -naccept 1 -alpn h2
    hold | "${CLI[@]}" 127.0.0.1:$p -max_send_frag 512 -alpn "$(long_alpn 14)" -servername split.tlsprint.test >/dev/null 2>&1 || true
    srv_stop; cap_stop
    finish ch-two-records $p "ClientHello (about 700 bytes, long ALPN list) fragmented by openssl s_client -max_send_frag 512 into two TLS records (512 + rest) in one TCP segment; a real stack, not crafted"
}

case_small_mtu() {
    local p=4446
    command -v ethtool >/dev/null || { log "small_mtu needs ethtool (apt-get install -y ethtool) to turn off GSO"; return 1; }
    ip netns add "$NS"
    ip link add veth-fx0 type veth peer name veth-fx1
    ip link set veth-fx1 netns "$NS"
    ip addr add 10.99.0.1/24 dev veth-fx0; ip link set veth-fx0 mtu 576 up
    ip netns exec "$NS" ip addr add 10.99.0.2/24 dev veth-fx1
    ip netns exec "$NS" ip link set veth-fx1 mtu 576 up
    ip netns exec "$NS" ip link set lo up
    ethtool -K veth-fx0 tso off gso off gro off >/dev/null
    ip netns exec "$NS" ethtool -K veth-fx1 tso off gso off gro off >/dev/null
    cap_start "$OUT/ch-small-mtu.pcap" veth-fx0 "tcp port $p"
    srv_start ip netns exec "$NS" "${SRV[@]}" -accept $p -naccept 1 -alpn h2
    hold | "${CLI[@]}" 10.99.0.2:$p -alpn "$(long_alpn 50)" -servername mtu.tlsprint.test >/dev/null 2>&1 || true
    srv_stop; cap_stop
    ip netns del "$NS"; ip link del veth-fx0 2>/dev/null || true
    finish ch-small-mtu $p "veth pair with MTU 576 into a network namespace (Ethernet link type): the ~1500-byte ClientHello (long ALPN list) spans 3 TCP segments (MSS 536)"
}

case_ipv6() {
    local p=4447
    cap_start "$OUT/ipv6.pcap" lo "tcp port $p"
    srv_start "${SRV[@]}" -accept "[::1]:$p" -naccept 1 -alpn h2
    hold | "${CLI[@]}" "[::1]:$p" -servername v6.tlsprint.test -alpn h2 >/dev/null 2>&1 || true
    srv_stop; cap_stop
    finish ipv6 $p "TLS 1.3 over IPv6 loopback (::1 -> ::1), openssl s_client -> s_server"
}

case_chain() {
    local p=4448
    cap_start "$OUT/cert-chain.pcap" lo "tcp port $p"
    srv_start openssl s_server -key "$WORK/leaf.key" -cert "$WORK/leaf.pem" -cert_chain "$WORK/chain3.pem" -accept $p -naccept 1 -tls1_2
    hold | "${CLI[@]}" 127.0.0.1:$p -tls1_2 -servername chain.tlsprint.test >/dev/null 2>&1 || true
    srv_stop; cap_stop
    finish cert-chain $p "TLS 1.2; server sends leaf -> intermediate -> root (3 certificates, ECDSA P-256, SANs with DNS and IP entries)"
}

case_selfsigned() {
    local p=4449
    cap_start "$OUT/cert-self-signed.pcap" lo "tcp port $p"
    srv_start openssl s_server -key "$WORK/self.key" -cert "$WORK/self.pem" -accept $p -naccept 1 -tls1_2
    hold | "${CLI[@]}" 127.0.0.1:$p -tls1_2 -servername self-signed.tlsprint.test >/dev/null 2>&1 || true
    srv_stop; cap_stop
    finish cert-self-signed $p "TLS 1.2 with a self-signed RSA-2048 certificate (openssl req -x509)"
}

case_sample() {
    [ -f "$OUT/curl-h2.pcap" ] && [ -f "$OUT/openssl-tls12.pcap" ] || { log "sample: needs curl-h2 and openssl-tls12"; return 1; }
    mergecap -F pcap -w "$OUT/sample.pcap" "$OUT/curl-h2.pcap" "$OUT/openssl-tls12.pcap"
    finish sample 4436 "README demo: curl TLS 1.3 (h2) handshake + openssl TLS 1.2 handshake with certificate chain (mergecap of curl-h2.pcap and openssl-tls12.pcap)" 4433
}

ALL=(openssl_versions curl gnutls python java node tls12_resumption tls13_psk_0rtt hrr split_records small_mtu ipv6 chain selfsigned sample)
[ "$(id -u)" = 0 ] || { echo "make-fixtures.sh: needs root (tcpdump, netns)" >&2; exit 1; }
make_certs
run_cases "${@:-${ALL[@]}}"
log "done: $(du -ch "$OUT"/*.pcap | tail -1)"
