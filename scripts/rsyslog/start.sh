#!/bin/sh
# Starts a private rsyslogd on 127.0.0.1 for tlsprint's output tests.
#   scripts/rsyslog/start.sh DIR UDP_PORT TCP_PORT [TLS_PORT CERT_DIR]
# With TLS_PORT, also an RFC 5425 input using CERT_DIR/{ca,server}.pem and server.key (make-certs.sh),
# which needs the OpenSSL stream driver: apt-get install -y rsyslog-openssl.
# Writes DIR/rsyslog.conf, runs `rsyslogd -n -f DIR/rsyslog.conf -i DIR/rsyslogd.pid` in the background,
# and prints its pid. Received messages land in DIR/out.jsonl (one JSON object each; see rsyslog.conf.in).
# Stop it with: kill "$(cat DIR/rsyslogd.pid)". Install rsyslog with: apt-get install -y rsyslog.
set -eu
dir=$1 udp=$2 tcp=$3 tls=${4:-} certs=${5:-}
here=$(cd "$(dirname "$0")" && pwd)
command -v rsyslogd >/dev/null 2>&1 || [ -x /usr/sbin/rsyslogd ] || { echo "rsyslogd not installed" >&2; exit 69; }
rsyslogd=$(command -v rsyslogd || echo /usr/sbin/rsyslogd)
mkdir -p "$dir"
sed -e "s|@DIR@|$dir|g" -e "s|@UDP@|$udp|g" -e "s|@TCP@|$tcp|g" "$here/rsyslog.conf.in" >"$dir/rsyslog.conf"
if [ -n "$tls" ]; then
    sed -e "s|@TLS@|$tls|g" -e "s|@CERTS@|$certs|g" "$here/rsyslog-tls.conf.in" >>"$dir/rsyslog.conf"
fi
"$rsyslogd" -N1 -f "$dir/rsyslog.conf" >"$dir/check.log" 2>&1 || { cat "$dir/check.log" >&2; exit 78; }
"$rsyslogd" -n -f "$dir/rsyslog.conf" -i "$dir/rsyslogd.pid" >"$dir/rsyslogd.log" 2>&1 &
echo $!
