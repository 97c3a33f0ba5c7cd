#!/usr/bin/env bash
# make-fixtures-openvpn.sh — capture real OpenVPN 2.6 handshakes (TLS inside OpenVPN's control channel) and
# write committed fixtures next to the others (scripts/make-fixtures.sh, scripts/make-fixtures-udp.sh):
#   Tests/Fixtures/captures/openvpn-NAME.pcap            the capture (tcpdump -w, default snaplen; cut before
#                                                        the first data-channel packet)
#   Tests/Fixtures/captures/openvpn-NAME.expected.json   per-stream values from the independent oracle
#                                                        (scripts/oracle/ja4_oracle.py over tshark 4.0.17)
# The server (`openvpn --server`, tun device) runs in a network namespace on 10.97.0.2 (UDP 11940, TCP 11941);
# the client (`openvpn --client --dev null`) on the host side of a veth pair (10.97.0.1), offloads off;
# tcpdump on the host end (Ethernet link type). A fresh PKI (ECDSA P-256 CA, server and client certificates)
# and `openvpn --genkey secret` tls-auth key are made for the run and thrown away.
# Needs root, openvpn 2.6 (Debian package `openvpn`), tcpdump, tshark and editcap, openssl, iproute2, ethtool,
# python3. Nothing leaves the machine. Usage: scripts/make-fixtures-openvpn.sh [CASE ...]  (default: all cases)
set -euo pipefail

# shellcheck source=scripts/fixtures/common.sh
source "$(dirname "$0")/fixtures/common.sh"
fixture_init ofx veth-ofx0
UDP_PORT=11940
TCP_PORT=11941

# ---------- PKI: CA -> server (serverAuth) and client (clientAuth), ECDSA P-256; tls-auth key ----------
make_pki() {
    cd "$WORK"
    local ec=(-newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes) n eku serial
    openssl req -x509 "${ec[@]}" -keyout ca.key -out ca.pem -days 3650 -sha256 \
        -subj "/C=DE/O=tlsprint test/CN=tlsprint Test OpenVPN CA" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
    for n in server client; do
        eku=serverAuth serial=0x5e4e01; [ $n = client ] && { eku=clientAuth serial=0xc11e02; }
        openssl req -new "${ec[@]}" -keyout $n.key -out $n.csr -subj "/C=DE/O=tlsprint test/CN=$n.vpn.tlsprint.test" 2>/dev/null
        printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=%s\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n' "$eku" > $n.ext
        openssl x509 -req -in $n.csr -CA ca.pem -CAkey ca.key -set_serial $serial -days 825 -sha256 -extfile $n.ext -out $n.pem 2>/dev/null
    done
    openvpn --genkey secret ta.key
    cd - >/dev/null
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
srv_start() { # udp|tcp port cmd...  (waits until the server in the namespace is bound to the port)
    local proto=$1 port=$2 flag=-lunH; shift 2
    [ "$proto" = tcp ] && flag=-ltnH
    ip netns exec "$NS" "$@" >"$WORK/server.log" 2>&1 & SRV_PID=$!; PIDS+=("$SRV_PID")
    for _ in $(seq 100); do ip netns exec "$NS" ss "$flag" "sport = :$port" | grep -q . && break; sleep 0.1; done
    sleep 0.3
}

CLI_PID=""
cli_run() { # cmd...  (until the client reports the connection up, at most 15 s, then a short hold)
    "$@" >"$WORK/client.log" 2>&1 & CLI_PID=$!; PIDS+=("$CLI_PID")
    for _ in $(seq 150); do grep -q "Initialization Sequence Completed" "$WORK/client.log" && break; sleep 0.1; done
    grep -q "Initialization Sequence Completed" "$WORK/client.log" || log "client did not complete: $(tail -n 3 "$WORK/client.log")"
    sleep 0.5
    kill "$CLI_PID" 2>/dev/null || true; wait "$CLI_PID" 2>/dev/null || true
}

# tshark arguments for a case: decode-as, and the tls-auth preferences set explicitly (tshark's tls-auth
# auto-detection guesses from the bytes after the session id; telling it is exact).
TSHARK_D=() TSHARK_O=()
tshark_args() { # udp|tcp port hmac-size(0: no tls-auth)
    TSHARK_D=("$1.port==$2,openvpn")
    TSHARK_O=(openvpn.tls_auth_detection_override:TRUE)
    if [ "$3" = 0 ]; then TSHARK_O+=(openvpn.tls_auth:FALSE)
    else TSHARK_O+=(openvpn.tls_auth:TRUE "openvpn.tls_auth_hmac_size:$3"); fi
}
tshark_cmd() { # pcap extra-args...  (tshark with the case's decode-as and preferences)
    local pcap=$1 a=() d o; shift
    for d in "${TSHARK_D[@]}"; do a+=(-d "$d"); done
    for o in "${TSHARK_O[@]}"; do a+=(-o "$o"); done
    tshark -n -r "$pcap" "${a[@]}" "$@" 2>/dev/null
}

# Cut the capture before the first data-channel packet (P_DATA_V1 6, P_DATA_V2 9): only the control channel stays.
trim() { # pcap
    local pcap=$1 first
    first=$(tshark_cmd "$pcap" -Y "openvpn.opcode == 0x06 || openvpn.opcode == 0x09" -T fields -e frame.number | head -1)
    if [ -n "$first" ] && [ "$first" -gt 1 ]; then
        editcap -F pcap -r "$pcap" "$WORK/trimmed.pcap" "1-$((first - 1))"
        cat "$WORK/trimmed.pcap" > "$pcap"
    fi
}

# How many OpenVPN control packets (tshark's openvpn.fragment.count; 1 when whole) and how many frames carried
# the first ClientHello, and the size of its TLS record (header included).
HELLO_PACKETS=0 HELLO_FRAMES=0 HELLO_BYTES=0
hello_split() { # pcap
    local count frames bytes
    IFS=";" read -r count frames bytes < <(tshark_cmd "$1" -Y "tls.handshake.type == 1" -T fields -E "separator=;" \
        -e openvpn.fragment.count -e openvpn.fragment -e tls.record.length | head -1) || true
    HELLO_PACKETS=${count:-1}
    HELLO_FRAMES=$(tr ',' '\n' <<<"${frames:-x}" | sort -u | wc -l)
    bytes=${bytes%%,*}
    HELLO_BYTES=$(( ${bytes:-0} + 5 ))   # the record with its header
}

finish() { # name description
    local name=$1 desc=$2 d o args=()
    for d in "${TSHARK_D[@]}"; do args+=(-d "$d"); done
    for o in "${TSHARK_O[@]}"; do args+=(-o "$o"); done
    python3 - "$OUT/$name.pcap" "$desc" "$ORACLE" "${args[@]}" > "$OUT/$name.expected.json" <<'PY'
import json, subprocess, sys
pcap, desc, oracle, args = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
streams = json.loads(subprocess.run(["python3", oracle, *args, pcap], check=True, capture_output=True).stdout)
print(json.dumps({"pcap": pcap.rsplit("/", 1)[-1], "description": desc,
                  "oracle": "scripts/oracle/ja4_oracle.py over tshark 4.0.17 (ja3*: tshark fields)",
                  "tshark_decode_as": [a for i, a in enumerate(args) if i % 2 and args[i - 1] == "-d"],
                  "tshark_prefs": [a for i, a in enumerate(args) if i % 2 and args[i - 1] == "-o"],
                  "streams": streams}, indent=1))
PY
    local summary
    summary=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(len(d['streams']),'streams', [(s.get('ja4'), s.get('ja4s')) for s in d['streams']])" "$OUT/$name.expected.json")
    log "$name: $summary"
    case "$summary" in 0\ streams*|*None*) log "$name: incomplete capture"; FAILED=1;; esac
}

# ---------- one OpenVPN handshake ----------
# --max-packet-size 154 (the smallest openvpn 2.6 accepts) makes the client send its TLS bytes in control packets
# of 100 bytes each (with one acknowledgement in the packet, as during the ClientHello): the ClientHello spans
# three packets. 100 is also the only fragment size tshark 4.0.17's OpenVPN dissector reassembles (it takes a
# 100-byte control payload for "more fragments follow"), so the oracle sees the whole hello; other sizes it
# dissects packet by packet.
ovpn_case() { # name udp|tcp hmac(none|SHA256|SHA512) tls12(none|server|both) split(0|1) description
    local name=$1 proto=$2 hmac=$3 tls12=$4 split=$5 desc=$6
    local port=$UDP_PORT sp=udp cp=udp hsize=0
    [ "$proto" = tcp ] && { port=$TCP_PORT; sp=tcp-server; cp=tcp-client; }
    local srv=(openvpn --server 10.8.0.0 255.255.255.0 --topology subnet --dev tun --proto "$sp"
               --local 10.97.0.2 --lport "$port" --ca "$WORK/ca.pem" --cert "$WORK/server.pem"
               --key "$WORK/server.key" --dh none --verb 3)
    local cli=(openvpn --client --dev null --proto "$cp" --remote 10.97.0.2 "$port" --nobind
               --ca "$WORK/ca.pem" --cert "$WORK/client.pem" --key "$WORK/client.key" --remote-cert-tls server
               --ifconfig-noexec --route-noexec --verb 3)
    if [ "$hmac" != none ]; then
        srv+=(--auth "$hmac" --tls-auth "$WORK/ta.key" 0); cli+=(--auth "$hmac" --tls-auth "$WORK/ta.key" 1)
        case $hmac in SHA256) hsize=32;; SHA512) hsize=64;; esac
    fi
    case $tls12 in server) srv+=(--tls-version-max 1.2);; both) srv+=(--tls-version-max 1.2); cli+=(--tls-version-max 1.2);; esac
    [ "$split" = 1 ] && cli+=(--max-packet-size 154)
    tshark_args "$proto" "$port" "$hsize"
    netns_up 97
    cap_start "$OUT/$name.pcap" veth-ofx0 "$proto port $port"
    srv_start "$proto" "$port" "${srv[@]}"
    cli_run "${cli[@]}"
    srv_stop; cap_stop
    netns_down
    trim "$OUT/$name.pcap"
    hello_split "$OUT/$name.pcap"
    log "$name: ClientHello record of $HELLO_BYTES bytes in $HELLO_PACKETS control packet(s), $HELLO_FRAMES frame(s)"
    if [ "$split" = 1 ] && [ "$HELLO_PACKETS" -lt 2 ]; then log "$name: ClientHello not split"; FAILED=1; fi
    local how="in one control packet"
    [ "$HELLO_PACKETS" -gt 1 ] && how="split over $HELLO_PACKETS P_CONTROL_V1 packets in $HELLO_FRAMES $([ "$proto" = tcp ] && echo 'TCP segments' || echo datagrams) (client --max-packet-size 154: 100 TLS bytes per control packet)"
    finish "$name" "OpenVPN $OPENVPN_VERSION client (--client --dev null) -> OpenVPN $OPENVPN_VERSION server (--server, tun) in a network namespace, 10.97.0.1 -> 10.97.0.2:$port over a veth pair, $desc; the ClientHello record (${HELLO_BYTES} bytes with its header) travels $how"
}

case_udp() {
    ovpn_case openvpn-udp udp none none 1 "OpenVPN over UDP, no tls-auth, control channel TLS 1.3 (the 2.6 default)"
}
case_udp_tlsauth() {
    ovpn_case openvpn-udp-tlsauth udp SHA256 server 0 "OpenVPN over UDP with --tls-auth (--auth SHA256: 32-byte HMAC, packet id and net time in every control packet), server --tls-version-max 1.2 (the client offers TLS 1.3 and 1.2; TLS 1.2 is chosen, so the server Certificate is in clear)"
}
case_tcp() {
    ovpn_case openvpn-tcp tcp none none 1 "OpenVPN over TCP (--proto tcp-server / tcp-client: 2-byte length before each packet), no tls-auth, TLS 1.3"
}
case_tcp_tlsauth() {
    ovpn_case openvpn-tcp-tlsauth tcp SHA512 both 0 "OpenVPN over TCP with --tls-auth (--auth SHA512: 64-byte HMAC), --tls-version-max 1.2 on both sides (the ClientHello offers TLS 1.2 only; the server Certificate is in clear)"
}

ALL=(udp udp_tlsauth tcp tcp_tlsauth)
[ "$(id -u)" = 0 ] || { echo "make-fixtures-openvpn.sh: needs root (tcpdump, netns, tun)" >&2; exit 1; }
command -v openvpn >/dev/null || { echo "make-fixtures-openvpn.sh: needs openvpn 2.6 (apt-get install -y openvpn)" >&2; exit 1; }
OPENVPN_VERSION=$(openvpn --version | head -1 | cut -d' ' -f2)
make_pki
run_cases "${@:-${ALL[@]}}"
log "done: $(du -ch "$OUT"/openvpn-*.pcap 2>/dev/null | tail -1)"
