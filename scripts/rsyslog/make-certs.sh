#!/bin/sh
# Makes a throwaway PKI for the TLS output tests in DIR (OpenSSL, EC P-256, valid one day):
#   ca.pem/ca.key          the CA the collector and tlsprint trust
#   server.pem/server.key  the collector (SAN: DNS:localhost, IP:127.0.0.1)
#   client.pem/client.key  tlsprint's client certificate (for authMode x509/certvalid)
#   other-ca.pem           an unrelated CA (a client trusting only it must refuse the collector)
#   scripts/rsyslog/make-certs.sh DIR
set -eu
dir=$1
mkdir -p "$dir"
cd "$dir"
key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }
key ca.key
openssl req -x509 -new -key ca.key -sha256 -days 1 -subj "/CN=tlsprint test CA" -out ca.pem \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
key other-ca.key
openssl req -x509 -new -key other-ca.key -sha256 -days 1 -subj "/CN=unrelated CA" -out other-ca.pem \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
leaf() {  # name, subjectAltName, extendedKeyUsage
    key "$1.key"
    openssl req -new -key "$1.key" -subj "/CN=$1" -out "$1.csr"
    printf 'subjectAltName=%s\nextendedKeyUsage=%s\nbasicConstraints=CA:FALSE\n' "$2" "$3" >"$1.ext"
    openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -days 1 -sha256 \
        -extfile "$1.ext" -out "$1.pem" 2>/dev/null
}
leaf server "DNS:localhost,IP:127.0.0.1" serverAuth
leaf client "DNS:tlsprint-sensor" clientAuth
