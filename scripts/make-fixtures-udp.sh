#!/usr/bin/env bash
# make-fixtures-udp.sh — capture real QUIC and DTLS handshakes from real stacks and write committed
# fixtures next to the TCP ones (scripts/make-fixtures.sh):
#   Tests/Fixtures/captures/{quic,dtls}-NAME.pcap            the capture (tcpdump -w, default snaplen)
#   Tests/Fixtures/captures/{quic,dtls}-NAME.expected.json   per-stream values from the independent oracle
#                                                            (scripts/oracle/ja4_oracle.py over tshark 4.0.17)
# QUIC: Python aioquic (PyPI) client and server, written inline below, in a network namespace reached over a
# veth pair (server on UDP 443, so JA4L for QUIC applies). DTLS: openssl s_client/s_server on loopback.
# Needs root, tcpdump, tshark, openssl, iproute2, ethtool, python3 with aioquic importable
# (set PYTHON=/path/to/venv/bin/python3; `python3 -m venv V && V/bin/pip install aioquic`).
# Nothing leaves the machine. Usage: scripts/make-fixtures-udp.sh [CASE ...]  (default: all cases)
set -euo pipefail

# shellcheck source=scripts/fixtures/common.sh
source "$(dirname "$0")/fixtures/common.sh"
fixture_init ufx veth-ufx0
PYTHON="${PYTHON:-python3}"

# ---------- certificates: root CA -> intermediate -> leaf (ECDSA P-256) ----------
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
    cp inter.pem chain2.pem
    cat leaf.pem inter.pem root.pem > quicchain.pem   # aioquic sends the whole file: a Certificate over two datagrams
    cd - >/dev/null
}

# ---------- the aioquic peer (client or server), written for the run ----------
write_quic_peer() {
    cat > "$WORK/quic_peer.py" <<'PY'
"""Minimal aioquic peer. server HOST PORT CERT KEY RETRY(0|1) SECONDS | client HOST PORT SNI ALPNS VERSION BIG(0|1)"""
import asyncio, ssl, sys
from aioquic.asyncio import connect, serve
from aioquic.quic.configuration import QuicConfiguration
from aioquic.quic.packet import QuicProtocolVersion

async def server(host, port, cert, key, retry, seconds):
    cfg = QuicConfiguration(is_client=False, alpn_protocols=["h3"])
    cfg.load_cert_chain(cert, key)
    srv = await serve(host, int(port), configuration=cfg, retry=retry == "1")
    await asyncio.sleep(float(seconds))
    srv.close()

async def client(host, port, sni, alpns, version, big):
    versions = {"1": QuicProtocolVersion.VERSION_1, "2": QuicProtocolVersion.VERSION_2}
    cfg = QuicConfiguration(is_client=True, alpn_protocols=alpns.split(","), server_name=sni,
                            verify_mode=ssl.CERT_NONE, supported_versions=[versions[version]],
                            quantum_readiness_test=big == "1")
    async with connect(host, int(port), configuration=cfg) as conn:
        await asyncio.wait_for(conn.ping(), 5)

role, *args = sys.argv[1:]
asyncio.run(server(*args) if role == "server" else client(*args))
PY
}

# ---------- capture helpers ----------
CAP_PID=""
cap_start() { # file iface filter
    local file=$1 iface=$2 filter=$3
    tcpdump -i "$iface" -w "$file" -U -n "$filter" 2>"$WORK/tcpdump.log" &
    CAP_PID=$!; PIDS+=("$CAP_PID")
    for _ in $(seq 100); do grep -q "listening on" "$WORK/tcpdump.log" && break; sleep 0.1; done
    sleep 0.3
}

SRV_PID=""
srv_start() { # port cmd... (waits until something is bound to UDP port, in the netns when cmd starts with ip)
    local port=$1 ssx=(ss); shift
    [ "$1" = ip ] && ssx=(ip netns exec "$NS" ss)
    "$@" < <(sleep 20) >"$WORK/server.log" 2>&1 & SRV_PID=$!; PIDS+=("$SRV_PID")
    for _ in $(seq 100); do "${ssx[@]}" -lunH "sport = :$port" | grep -q . && break; sleep 0.1; done
    sleep 0.3
}
hold() { sleep "${1:-0.7}"; }

finish() { # name description [decode-as ...] (e.g. udp.port==4460,dtls)
    local name=$1 desc=$2; shift 2
    local dargs=() d
    for d in "$@"; do dargs+=(-d "$d"); done
    python3 - "$OUT/$name.pcap" "$desc" "$ORACLE" "${dargs[@]}" > "$OUT/$name.expected.json" <<'PY'
import json, subprocess, sys
pcap, desc, oracle, dargs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
streams = json.loads(subprocess.run(["python3", oracle, *dargs, pcap], check=True, capture_output=True).stdout)
print(json.dumps({"pcap": pcap.rsplit("/", 1)[-1], "description": desc,
                  "oracle": "scripts/oracle/ja4_oracle.py over tshark 4.0.17 (ja3*: tshark fields)",
                  "tshark_decode_as": [d for d in dargs if d != "-d"], "streams": streams}, indent=1))
PY
    local summary
    summary=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(len(d['streams']),'streams', [(s.get('ja4'), s.get('ja4s')) for s in d['streams']])" "$OUT/$name.expected.json")
    log "$name: $summary"
    case "$summary" in 0\ streams*|*None*) log "$name: incomplete capture"; FAILED=1;; esac
}

# ---------- QUIC cases (aioquic, server in the namespace on UDP 443) ----------
AIOQUIC_VERSION=""
quic_case() { # name sni version big retry description
    local name=$1 sni=$2 version=$3 big=$4 retry=$5 desc=$6
    netns_up 98
    cap_start "$OUT/$name.pcap" veth-ufx0 "udp port 443"
    srv_start 443 ip netns exec "$NS" "$PYTHON" "$WORK/quic_peer.py" server 10.98.0.2 443 "$WORK/quicchain.pem" "$WORK/leaf.key" "$retry" 15
    timeout 10 "$PYTHON" "$WORK/quic_peer.py" client 10.98.0.2 443 "$sni" h3 "$version" "$big" || log "$name: client failed"
    srv_stop; cap_stop
    netns_down
    finish "$name" "aioquic $AIOQUIC_VERSION client -> aioquic server (10.98.0.1 -> 10.98.0.2:443 over a veth pair into a network namespace), $desc"
}

case_quic_h3() {
    quic_case quic-h3 h3.tlsprint.test 1 0 0 "QUIC v1, ALPN h3, SNI h3.tlsprint.test: the ClientHello fits one Initial"
}
case_quic_two_initials() {
    quic_case quic-two-initials big.tlsprint.test 1 1 0 "QUIC v1, ALPN h3, quantum_readiness_test (a 1200-byte transport parameter 0x0c37): the ClientHello's CRYPTO data spans two Initial packets"
}
case_quic_retry() {
    quic_case quic-retry retry.tlsprint.test 1 0 1 "QUIC v1 with a server Retry (serve(retry=True)): first Initial, Retry, second Initial carrying the token"
}
case_quic_v2() {
    quic_case quic-v2 v2.tlsprint.test 2 0 0 "QUIC version 2 (RFC 9369, 0x6b3343cf) only"
}

# ---------- DTLS cases (openssl on loopback) ----------
SRV=(openssl s_server -key "$WORK/leaf.key" -cert "$WORK/leaf.pem" -cert_chain "$WORK/chain2.pem")
long_alpn() { python3 -c "print(','.join(['h2','http/1.1'] + ['x-fixture-protocol-%02d' % i for i in range($1)]))"; }

case_dtls12_cookie() {
    local p=4460
    cap_start "$OUT/dtls-12-cookie.pcap" lo "udp port $p"
    srv_start $p "${SRV[@]}" -dtls1_2 -listen -accept 127.0.0.1:$p -naccept 1 -mtu 400 -alpn http/1.1
    hold | openssl s_client -dtls1_2 -connect 127.0.0.1:$p -mtu 400 -servername dtls.tlsprint.test -alpn h2,http/1.1 >/dev/null 2>&1 || true
    srv_stop; cap_stop
    finish dtls-12-cookie "openssl $(openssl version | cut -d' ' -f2) s_client -dtls1_2 -> s_server -dtls1_2 -listen (HelloVerifyRequest cookie exchange: two ClientHellos), -mtu 400 on both sides so the leaf+intermediate Certificate is fragmented, SNI, ALPN h2,http/1.1 -> http/1.1" "udp.port==$p,dtls"
}

case_dtls12_fragmented_ch() {
    local p=4461
    cap_start "$OUT/dtls-12-fragmented-ch.pcap" lo "udp port $p"
    srv_start $p "${SRV[@]}" -dtls1_2 -accept 127.0.0.1:$p -naccept 1 -mtu 300 -alpn h2
    hold | openssl s_client -dtls1_2 -connect 127.0.0.1:$p -mtu 300 -servername frag.tlsprint.test -alpn "$(long_alpn 20)" >/dev/null 2>&1 || true
    srv_stop; cap_stop
    finish dtls-12-fragmented-ch "openssl $(openssl version | cut -d' ' -f2) s_client -dtls1_2 -mtu 300 with a long ALPN list: the ClientHello travels as three DTLS handshake fragments (in three datagrams), before and after the HelloVerifyRequest (s_server does the cookie exchange by default); the Certificate is fragmented too" "udp.port==$p,dtls"
}

case_dtls10() {
    local p=4462 sec=(-cipher "DEFAULT@SECLEVEL=0")
    cap_start "$OUT/dtls-10.pcap" lo "udp port $p"
    srv_start $p "${SRV[@]}" -dtls1 "${sec[@]}" -listen -accept 127.0.0.1:$p -naccept 1 -mtu 500
    hold | openssl s_client -dtls1 "${sec[@]}" -connect 127.0.0.1:$p -mtu 500 -servername dtls10.tlsprint.test >/dev/null 2>&1 || true
    srv_stop; cap_stop
    finish dtls-10 "openssl $(openssl version | cut -d' ' -f2) s_client -dtls1 -> s_server -dtls1 -listen (SECLEVEL=0, cookie exchange), -mtu 500, SNI" "udp.port==$p,dtls"
}

ALL=(quic_h3 quic_two_initials quic_retry quic_v2 dtls12_cookie dtls12_fragmented_ch dtls10)
[ "$(id -u)" = 0 ] || { echo "make-fixtures-udp.sh: needs root (tcpdump, netns)" >&2; exit 1; }
AIOQUIC_VERSION=$("$PYTHON" -c "import importlib.metadata as m; print(m.version('aioquic'))") \
    || { echo "make-fixtures-udp.sh: aioquic not importable by $PYTHON (set PYTHON=...)" >&2; exit 1; }
make_certs
write_quic_peer
run_cases "${@:-${ALL[@]}}"
log "done: $(du -ch "$OUT"/quic-*.pcap "$OUT"/dtls-*.pcap 2>/dev/null | tail -1)"
