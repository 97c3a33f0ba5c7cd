#!/usr/bin/env bash
# make-fixtures-ssh-http.sh — capture real SSH sessions and plain HTTP/1.x requests from real stacks and write
# committed fixtures next to the TLS ones (scripts/make-fixtures.sh):
#   Tests/Fixtures/captures/{ssh,http}-NAME.pcap            the capture (tcpdump -w, default snaplen)
#   Tests/Fixtures/captures/{ssh,http}-NAME.expected.json   per-stream values from tshark 4.0 and the independent
#                                                           oracle scripts/oracle/ja4h_ja4ssh.py (JA4H, JA4SSH)
# Clients and servers run in two network namespaces this script creates (tlsprint-shfx-c, 10.96.0.1, and
# tlsprint-shfx, 10.96.0.2) joined by a veth pair with offloads off; tcpdump runs on the client's end (Ethernet
# link type). Nothing touches the host's network stack and nothing leaves the machine. SSH servers and clients run
# with a private mount namespace (`ip netns exec` gives one): /root is a throwaway directory (authorized_keys,
# known_hosts), /run a tmpfs (sshd's privilege separation directory) and the login records (wtmp, btmp, lastlog)
# throwaway files, so the host's files are not touched. Keys (host keys, the client key) are made for the run and
# thrown away. Servers: sshd (OpenSSH) on 2222, dropbear on 2223, Python http.server (HTTP/1.1 keep-alive, POST
# bodies by Content-Length or chunked) on 8080, tinyproxy on 3128 in front of openssl s_server on the server
# namespace's 127.0.0.1:443.
# Needs root and the Debian packages below (installed with apt-get when missing; on a machine with systemd,
# installing openssh-server and tinyproxy also starts their system services, which this script does not use);
# python3 with `requests` importable (set PYTHON=...) for the http_python case.
# Usage: scripts/make-fixtures-ssh-http.sh [CASE ...]  (default: all cases)
# Re-running overwrites the fixtures with new captures (new keys, ports and timestamps): commit the pcaps and
# expected files together, re-record their golden output (Tests/Fixtures/golden/README.md) and update SOURCES.md.
set -euo pipefail

# shellcheck source=scripts/fixtures/common.sh
source "$(dirname "$0")/fixtures/common.sh"
fixture_init shfx veth-shfx0
NET=96
SRV_IP=10.$NET.0.2
ORACLE_SH="$ROOT/scripts/oracle/ja4h_ja4ssh.py"
PYTHON="${PYTHON:-python3}"  # http.server, urllib and requests (resolved to its executable below)
SYSPY=/usr/bin/python3       # paramiko from the Debian package python3-paramiko
PACKAGES=(openssh-server openssh-client dropbear-bin python3-paramiko apache2-utils tinyproxy curl wget tcpdump
    tshark openssl iproute2 ethtool)

install_missing() {
    local missing=() p
    for p in "${PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
    [ ${#missing[@]} -eq 0 ] && return
    log "installing: ${missing[*]}"
    echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
}

# ---------- keys, configurations and the small programs the cases run ----------
setup() {
    cd "$WORK"
    mkdir -p home-srv/.ssh home-cli/.ssh www hostkeys
    chmod 700 home-srv home-cli home-srv/.ssh home-cli/.ssh
    : >logsink
    local t
    for t in rsa ecdsa ed25519; do
        ssh-keygen -q -t "$t" -N '' -C "" -f "hostkeys/ssh_host_${t}_key"
        dropbearkey -t "$t" -f "hostkeys/dropbear_${t}_host_key" >/dev/null 2>&1
    done
    ssh-keygen -q -t ed25519 -N '' -C fixture@tlsprint.test -f id_ed25519
    dropbearkey -t ed25519 -f id_dropbear >/dev/null 2>&1
    { cat id_ed25519.pub; dropbearkey -y -f id_dropbear | grep '^ssh-'; } >home-srv/.ssh/authorized_keys
    chmod 600 home-srv/.ssh/authorized_keys
    cat >sshd_config <<EOF
Port 2222
ListenAddress $SRV_IP
HostKey $WORK/hostkeys/ssh_host_rsa_key
HostKey $WORK/hostkeys/ssh_host_ecdsa_key
HostKey $WORK/hostkeys/ssh_host_ed25519_key
PidFile $WORK/sshd.pid
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
PrintMotd no
PrintLastLog no
Subsystem sftp /usr/lib/openssh/sftp-server
EOF
    # web root
    printf '<!doctype html>\n<title>tlsprint fixture</title>\n<p>plain HTTP fixture page</p>\n' >www/index.html
    printf 'a\n' >www/a.txt
    printf 'b\n' >www/b.txt
    # a POST body that holds HTTP request lines: a parser that does not skip the body by its length (or its
    # chunked coding) reports requests that were never made
    python3 - >post-body.bin <<'PY'
import sys
fake = b"GET /smuggled HTTP/1.1\r\nHost: body.invalid\r\nUser-Agent: not-a-request/1.0\r\n\r\n"
sys.stdout.buffer.write(fake + b"A" * 1500 + b"\r\n" + fake + b"B" * 200)
PY
    # certificates for the TLS server behind the proxy: root CA -> intermediate -> leaf (ECDSA P-256)
    local ec=(-newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes)
    openssl req -x509 "${ec[@]}" -keyout root.key -out root.pem -days 3650 -sha256 \
        -subj "/C=DE/O=tlsprint test/CN=tlsprint Test Root CA" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
    openssl req -new "${ec[@]}" -keyout inter.key -out inter.csr -subj "/C=DE/O=tlsprint test/CN=tlsprint Test Intermediate CA" 2>/dev/null
    printf 'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n' >inter.ext
    openssl x509 -req -in inter.csr -CA root.pem -CAkey root.key -set_serial 0x1001 -days 1825 -sha256 -extfile inter.ext -out inter.pem 2>/dev/null
    openssl req -new "${ec[@]}" -keyout leaf.key -out leaf.csr -subj "/C=DE/ST=Berlin/O=tlsprint test/CN=tlsprint.test" 2>/dev/null
    printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:tlsprint.test,DNS:*.tlsprint.test,DNS:localhost,IP:127.0.0.1,IP:::1\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n' >leaf.ext
    openssl x509 -req -in leaf.csr -CA inter.pem -CAkey inter.key -set_serial 0x2a0b3c4d5e6f -days 825 -sha256 -extfile leaf.ext -out leaf.pem 2>/dev/null
    cat >tinyproxy.conf <<EOF
Port 3128
Listen $SRV_IP
Timeout 30
MaxClients 4
Allow 10.$NET.0.0/24
ConnectPort 443
DisableViaHeader Yes
LogLevel Info
PidFile "$WORK/tinyproxy.pid"
EOF
    cat >http_server.py <<'PY'
"""Python http.server with HTTP/1.1 keep-alive and POST bodies (Content-Length or chunked). HOST PORT ROOT"""
import functools, http.server, sys

class Handler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def end_headers(self):
        if not self.close_connection:
            self.send_header("Connection", "keep-alive")  # ab -k keeps a connection only when it reads this
        super().end_headers()

    def do_POST(self):
        received = 0
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    break
                received += len(self.rfile.read(size))
                self.rfile.readline()
        else:
            received = len(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
        body = f"received {received} bytes\n".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

host, port, root = sys.argv[1], int(sys.argv[2]), sys.argv[3]
http.server.ThreadingHTTPServer((host, port), functools.partial(Handler, directory=root)).serve_forever()
PY
    cat >py_http.py <<'PY'
"""urllib, then requests with a Cookie (names out of order, a value with '='), Referer and Accept-Language. BASE"""
import sys, urllib.request
import requests

base = sys.argv[1]
urllib.request.urlopen(base + "/index.html", timeout=10).read()
requests.get(base + "/a.txt", timeout=10, headers={
    "Accept-Language": "de-DE,de;q=0.9,en;q=0.8",
    "Referer": base + "/index.html",
    "Cookie": "session=s3cr3t; beta=x=y; Alpha=1",
}).content
PY
    cat >paramiko_client.py <<'PY'
"""paramiko client: key authentication, runs `true`. HOST PORT KEY"""
import sys
import paramiko

host, port, key = sys.argv[1], int(sys.argv[2]), sys.argv[3]
client = paramiko.SSHClient()
client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
client.connect(host, port=port, username="root", pkey=paramiko.Ed25519Key.from_private_key_file(key),
               look_for_keys=False, allow_agent=False, timeout=10)
_, out, _ = client.exec_command("true")
out.channel.recv_exit_status()
client.close()
PY
    cat >typist.py <<'PY'
"""An interactive user at a shell prompt: one keystroke per write. LINES DELAY"""
import sys, time

lines, delay = int(sys.argv[1]), float(sys.argv[2])
out = sys.stdout.buffer

def type_(text):
    for ch in text.encode():
        out.write(bytes([ch]))
        out.flush()
        time.sleep(delay)

time.sleep(1.5)  # the login and the first prompt
for i in range(1, lines + 1):
    type_(f"echo tlsprint {i}\n")
    time.sleep(0.15)
type_("exit\n")
time.sleep(2)
PY
    mkfifo hold.fifo
    exec {HOLD}<>hold.fifo
    cd - >/dev/null
}

# ---------- processes in the namespaces ----------
# ns_prefix NS [private] -> IN: the command prefix that runs a command in namespace NS; with `private`, the
# command gets its own /root (WORK/home-srv or home-cli), a tmpfs on /run (with /run/sshd) and throwaway login
# records (the mounts stay in the mount namespace `ip netns exec` makes). Every step execs the next, so a
# background job started with "${IN[@]}" CMD & has the server's own PID in $! (and is stopped by killing it).
# shellcheck disable=SC2016 # expanded by the inner sh
PRIVATE_SH='home=$1 sink=$2; shift 2
mount --bind "$home" /root
mount -t tmpfs -o mode=0755 tmpfs /run
mkdir -p /run/sshd
for f in /var/log/wtmp /var/log/btmp /var/log/lastlog; do
    if [ -f "$f" ]; then mount --bind "$sink" "$f"; fi
done
exec "$@"'
IN=()
ns_prefix() {
    local ns=$1 home="$WORK/home-srv"
    [ "$ns" = "$NS-c" ] && home="$WORK/home-cli"
    IN=(ip netns exec "$ns")
    [ "${2:-}" = private ] && IN+=(sh -c "$PRIVATE_SH" sh "$home" "$WORK/logsink")
    return 0
}

CAP_PID=""
cap_start() { # file filter: tcpdump on the client namespace's end of the veth pair
    ip netns exec "$NS-c" tcpdump -i "$FIXTURE_VETH" -w "$1" -U -n "$2" 2>"$WORK/tcpdump.log" &
    CAP_PID=$!; PIDS+=("$CAP_PID")
    for _ in $(seq 100); do grep -q "listening on" "$WORK/tcpdump.log" && break; sleep 0.1; done
    sleep 0.3
}

declare -A SERVER=()
HOLD=""  # servers' stdin: a FIFO this script holds open, so it never ends (s_server stops at end of input)
serve() { # name port [private] cmd...: start a server in the server namespace, wait until it listens on port
    local name=$1 port=$2; shift 2
    if [ "$1" = private ]; then ns_prefix "$NS" private; shift; else ns_prefix "$NS"; fi
    "${IN[@]}" "$@" <&"$HOLD" >"$WORK/$name.log" 2>&1 &
    SERVER[$name]=$!; PIDS+=("$!")
    for _ in $(seq 100); do ip netns exec "$NS" ss -ltnH "sport = :$port" | grep -q . && break; sleep 0.1; done
    sleep 0.2
}
unserve() { local p=${SERVER[$1]}; kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; }

client() { # [private] cmd...: cmd in the client namespace with a clean environment (no proxy variables)
    if [ "$1" = private ]; then ns_prefix "$NS-c" private; shift; else ns_prefix "$NS-c"; fi
    "${IN[@]}" env -i PATH="$PATH" HOME=/root LANG=C.UTF-8 "$@"
}

cap_begin() { netns_pair_up $NET; cap_start "$OUT/$1.pcap" "$2"; }  # name filter
cap_end() { # after the servers are stopped: nothing of ours may outlive the namespaces (it would keep them)
    local ns p left
    sleep 0.5; cap_stop
    for ns in "$NS" "$NS-c"; do
        left=$(ip netns pids "$ns" 2>/dev/null || true)
        [ -z "$left" ] && continue
        log "still running in $ns (stopped now): $(ps -o pid=,args= -p "${left//$'\n'/,}" 2>/dev/null | tr '\n' ';')"
        for p in $left; do kill "$p" 2>/dev/null || true; done
        FAILED=1
    done
    netns_pair_down
}

# ---------- expected values ----------
finish() { # name description check decode-as...: NAME.expected.json; FAILED=1 when `check` (Python, over the
    # stream list S) is false
    local name=$1 desc=$2 check=$3; shift 3
    local dargs=() d
    for d in "$@"; do dargs+=(-d "$d"); done
    python3 - "$OUT/$name.pcap" "$desc" "$ORACLE_SH" "${dargs[@]}" >"$OUT/$name.expected.json" <<'PY'
import json, subprocess, sys
pcap, desc, oracle, dargs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
streams = json.loads(subprocess.run(["python3", oracle, *dargs, pcap], check=True, capture_output=True).stdout)
print(json.dumps({"pcap": pcap.rsplit("/", 1)[-1], "description": desc,
                  "oracle": "scripts/oracle/ja4h_ja4ssh.py over tshark 4.0.17 (ssh_client, ssh_server, hassh*, "
                            "http_method/uri/host/user_agent/version: tshark fields; ja4h*, ja4ssh*, ssh_kex/host_key/"
                            "cipher/mac/compression: the oracle; ja4t, ja4ts, ja4l_*, TLS values: ja4_oracle.py)",
                  "tshark_decode_as": [d for d in dargs if d != "-d"], "streams": streams}, indent=1))
PY
    python3 - "$OUT/$name.expected.json" "$check" <<'PY' || FAILED=1
import json, sys
S = json.load(open(sys.argv[1]))["streams"]
name = sys.argv[1].rsplit("/", 1)[-1]
for s in S:
    if "hassh" in s or "ja4ssh" in s:
        print(f"== {name} #{s['stream']}: {s.get('ssh_client')} -> {s.get('ssh_server')} hassh {s.get('hassh')} "
              f"hassh_server {s.get('hassh_server')} ja4ssh {s.get('ja4ssh')} (reference rule "
              f"{s.get('ja4ssh_reference')})", file=sys.stderr)
    for r in s.get("http_requests", []):
        print(f"== {name} #{s['stream']}: {r['http_method']} {r['http_uri']} {r['ja4h']}", file=sys.stderr)
    if "ja4" in s:
        print(f"== {name} #{s['stream']}: ja4 {s['ja4']} ja4s {s.get('ja4s')}", file=sys.stderr)
ok = eval(sys.argv[2])
if not ok:
    print(f"== {name}: incomplete capture ({sys.argv[2]} is false)", file=sys.stderr)
sys.exit(0 if ok else 1)
PY
}

SSH_OPTS=(-F /dev/null -i "$WORK/id_ed25519" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null
    -o BatchMode=yes -o LogLevel=ERROR)
SSH_OK="len(S) == 1 and all(s.get(k) for s in S for k in ('ssh_client', 'ssh_server', 'hassh', 'hassh_server', 'ja4ssh'))"

# ---------- SSH cases ----------
case_ssh_openssh() {
    cap_begin ssh-openssh "tcp port 2222"
    serve sshd 2222 private /usr/sbin/sshd -D -e -f "$WORK/sshd_config"
    client private timeout 20 ssh "${SSH_OPTS[@]}" -p 2222 root@$SRV_IP true || log "ssh-openssh: client failed"
    unserve sshd; cap_end
    finish ssh-openssh "$(ssh -V 2>&1 | cut -d, -f1) client (ssh -F /dev/null, key auth, ed25519 user key) -> sshd $(ssh -V 2>&1 | cut -d, -f1 | cut -d_ -f2) (Debian's openssh-server; rsa, ecdsa and ed25519 host keys) on port 2222; runs \`true\`" \
        "$SSH_OK" tcp.port==2222,ssh
}

case_ssh_dropbear() {
    cap_begin ssh-dropbear "tcp port 2223"
    serve dropbear 2223 private dropbear -F -E -s -j -k -p $SRV_IP:2223 -P "$WORK/dropbear.pid" \
        -r "$WORK/hostkeys/dropbear_rsa_host_key" -r "$WORK/hostkeys/dropbear_ecdsa_host_key" \
        -r "$WORK/hostkeys/dropbear_ed25519_host_key"
    client private timeout 20 dbclient -y -y -i "$WORK/id_dropbear" -p 2223 root@$SRV_IP true || log "ssh-dropbear: client failed"
    unserve dropbear; cap_end
    local v; v=$(dropbear -V 2>&1 | head -1 | cut -d' ' -f2)
    finish ssh-dropbear "dbclient $v -> dropbear $v (Debian's dropbear-bin; rsa, ecdsa and ed25519 host keys, -s: no passwords) on port 2223, key auth (ed25519); runs \`true\`" \
        "$SSH_OK" tcp.port==2223,ssh
}

case_ssh_paramiko() {
    cap_begin ssh-paramiko "tcp port 2222"
    serve sshd 2222 private /usr/sbin/sshd -D -e -f "$WORK/sshd_config"
    client private timeout 20 "$SYSPY" "$WORK/paramiko_client.py" $SRV_IP 2222 "$WORK/id_ed25519" || log "ssh-paramiko: client failed"
    unserve sshd; cap_end
    finish ssh-paramiko "paramiko $("$SYSPY" -c 'import paramiko; print(paramiko.__version__)') (Debian's python3-paramiko, Python $("$SYSPY" -c 'import platform; print(platform.python_version())')) SSHClient, key auth (ed25519) -> sshd $(ssh -V 2>&1 | cut -d, -f1 | cut -d_ -f2) on port 2222; exec_command(\"true\")" \
        "$SSH_OK" tcp.port==2222,ssh
}

case_ssh_interactive_long() {
    cap_begin ssh-interactive-long "tcp port 2222"
    serve sshd 2222 private /usr/sbin/sshd -D -e -f "$WORK/sshd_config"
    "$PYTHON" "$WORK/typist.py" 26 0.02 | client private TERM=vt100 timeout 60 ssh "${SSH_OPTS[@]}" -tt -p 2222 root@$SRV_IP >/dev/null || log "ssh-interactive-long: client failed"
    unserve sshd; cap_end
    finish ssh-interactive-long "$(ssh -V 2>&1 | cut -d, -f1) ssh -tt (a pty) -> sshd on port 2222: an interactive bash session typed one keystroke at a time (20 ms apart: 26 lines \`echo tlsprint N\`, then \`exit\`); the server's pty echoes each keystroke, so both directions carry hundreds of small packets and the stream spans several JA4SSH windows" \
        "$SSH_OK and len(S[0]['ja4ssh']) >= 3 and all(sum(int(w.split('_')[1][1:].split('s')[i]) for w in S[0]['ja4ssh']) > 400 for i in (0, 1))" tcp.port==2222,ssh
}

# ---------- plain HTTP cases (Python http.server on 8080) ----------
BASE=http://$SRV_IP:8080
CURL=(curl -q -sS --noproxy '*' --max-time 10)
http_begin() { # name
    cap_begin "$1" "tcp port 8080"
    serve http 8080 "$PYTHON" "$WORK/http_server.py" $SRV_IP 8080 "$WORK/www"
}
http_end() { # name description check
    unserve http; cap_end
    finish "$1" "$2 -> Python $PYV http.server (HTTP/1.1, keep-alive) on port 8080" "$3" tcp.port==8080,http
}
count() { echo "len(S) == $1 and [len(s.get('http_requests', [])) for s in S] == $2"; }
CURL_V=$(curl --version | head -1 | cut -d' ' -f2)

case_http_curl() {
    http_begin http-curl
    client "${CURL[@]}" $BASE/index.html >/dev/null || log "http-curl: client failed"
    http_end http-curl "curl $CURL_V: GET /index.html" "$(count 1 '[1]')"
}
case_http_wget() {
    http_begin http-wget
    client wget --no-config --no-hsts -q -O /dev/null $BASE/index.html || log "http-wget: client failed"
    http_end http-wget "$(wget --version | head -1 | cut -d' ' -f1-3) (--no-config --no-hsts): GET /index.html" "$(count 1 '[1]')"
}
case_http_python() {
    http_begin http-python
    client "$PYTHON" "$WORK/py_http.py" $BASE || log "http-python: client failed"
    http_end http-python "Python $PYV urllib.request.urlopen (stream 0: GET /index.html), then requests $("$PYTHON" -c 'import requests; print(requests.__version__)') (stream 1: GET /a.txt with Accept-Language de-DE,de;q=0.9,en;q=0.8, a Referer and \`Cookie: session=s3cr3t; beta=x=y; Alpha=1\`)" \
        "$(count 2 '[1, 1]')"
}
case_http_keepalive() {
    http_begin http-keepalive
    client ab -k -n 5 -c 1 $BASE/index.html >/dev/null || log "http-keepalive: ab failed"
    client "${CURL[@]}" $BASE/index.html $BASE/a.txt $BASE/b.txt >/dev/null || log "http-keepalive: curl failed"
    http_end http-keepalive "stream 0: ApacheBench $(ab -V | head -1 | sed -n "s/.*Version \([^ ]*\).*/\1/p") (ab -k -n 5 -c 1: five HTTP/1.0 requests with Connection: Keep-Alive on one connection); stream 1: curl $CURL_V with three URLs (three HTTP/1.1 requests on one connection)" \
        "$(count 2 '[5, 3]')"
}
case_http_10() {
    http_begin http-10
    client "${CURL[@]}" --http1.0 $BASE/index.html >/dev/null || log "http-10: client failed"
    http_end http-10 "curl $CURL_V --http1.0: GET /index.html HTTP/1.0" "$(count 1 '[1]')"
}
case_http_post() {
    local post=(--data-binary @"$WORK/post-body.bin" -H "Content-Type: application/octet-stream")
    http_begin http-post
    client "${CURL[@]}" "${post[@]}" $BASE/upload --next "${CURL[@]:1}" $BASE/index.html >/dev/null || log "http-post: client failed"
    client "${CURL[@]}" "${post[@]}" -H "Transfer-Encoding: chunked" $BASE/upload-chunked --next "${CURL[@]:1}" $BASE/index.html >/dev/null ||
        log "http-post: chunked client failed"
    http_end http-post "curl $CURL_V, each stream one connection: a POST whose $(stat -c %s "$WORK/post-body.bin")-byte body holds two HTTP request lines (\`GET /smuggled HTTP/1.1\` with headers, at the body's start and after 1500 bytes), then a GET (curl --next); stream 0 sends the body by Content-Length, stream 1 with Transfer-Encoding: chunked. Only the POSTs and the GETs are requests" \
        "$(count 2 '[2, 2]') and all(r['http_uri'] != '/smuggled' for s in S for r in s['http_requests'])"
}

case_http_connect() {
    cap_begin http-connect "tcp port 3128"
    serve tls 443 openssl s_server -key "$WORK/leaf.key" -cert "$WORK/leaf.pem" -cert_chain "$WORK/inter.pem" \
        -accept 127.0.0.1:443 -naccept 1 -tls1_2 -www
    serve proxy 3128 tinyproxy -d -c "$WORK/tinyproxy.conf"
    client curl -q -sS -k --max-time 10 --proxy http://$SRV_IP:3128 https://localhost/ >/dev/null || log "http-connect: client failed"
    unserve proxy; unserve tls; cap_end
    finish http-connect "curl $(curl --version | head -1 | cut -d' ' -f2) -k --proxy http://$SRV_IP:3128 https://localhost/: CONNECT localhost:443 to $(tinyproxy -v 2>&1 | head -1) (port 3128), which reaches openssl $(openssl version | cut -d' ' -f2) s_server -tls1_2 -www on the server namespace's 127.0.0.1:443; after the proxy's 200, TLS 1.2 (SNI localhost, leaf + intermediate in clear) and a GET inside it. Only the client-proxy connection is captured, as in FoxIO's https-connect.pcap" \
        "len(S) == 1 and [r['http_method'] for r in S[0]['http_requests']] == ['CONNECT'] and S[0].get('ja4') and S[0].get('ja4s') and S[0].get('certificate_messages')" \
        tcp.port==3128,http
}

ALL=(ssh_openssh ssh_dropbear ssh_paramiko ssh_interactive_long http_curl http_wget http_python http_keepalive http_10
    http_post http_connect)
[ "$(id -u)" = 0 ] || { echo "make-fixtures-ssh-http.sh: needs root (tcpdump, netns, mounts)" >&2; exit 1; }
install_missing
"$PYTHON" -c 'import requests' 2>/dev/null || { echo "make-fixtures-ssh-http.sh: $PYTHON cannot import requests (set PYTHON=...)" >&2; exit 1; }
PYTHON=$("$PYTHON" -c 'import sys; print(sys.executable)')
PYV=$("$PYTHON" -c 'import platform; print(platform.python_version())')
setup
run_cases "${@:-${ALL[@]}}"
log "done: $(du -cb "$OUT"/ssh-*.pcap "$OUT"/http-*.pcap 2>/dev/null | tail -1)"
