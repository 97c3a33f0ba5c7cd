#!/bin/sh
# Regenerates the certificate fixtures from the shared corpus (see SOURCES.md).
# Usage: sh extract.sh /path/to/shared/corpus
set -eu
corpus=$1
extract() { # name pcap tcp-stream
    tshark -r "$corpus/$2" -Y "tcp.stream==$3 && tls.handshake.certificate" -T fields -e tls.handshake.certificate \
        | head -1 | tr ',' '\n' | awk -v name="$1" 'NF { printf "%s", $0 > sprintf("%s-%d.hex.tmp", name, NR - 1) }'
    for tmp in "$1"-*.hex.tmp; do
        der="${tmp%.hex.tmp}.der"
        xxd -r -p "$tmp" "$der" && rm "$tmp"
        {
            echo "# openssl x509 -inform DER -noout -subject -issuer -serial -dateopt iso_8601 -startdate -enddate -ext subjectAltName"
            openssl x509 -inform DER -in "$der" -noout -subject -issuer -serial -dateopt iso_8601 -startdate -enddate \
                -ext subjectAltName 2>/dev/null
            openssl x509 -inform DER -in "$der" -out /tmp/cert.pem
            echo "# openssl verify -no_check_time -check_ss_sig -CAfile SELF SELF"
            if openssl verify -no_check_time -check_ss_sig -CAfile /tmp/cert.pem /tmp/cert.pem >/dev/null 2>&1; then
                echo "selfverify=OK"; else echo "selfverify=FAIL"; fi
        } > "${der%.der}.openssl.txt"
    done
}
extract badcurveball foxio/pcap/badcurveball.pcap 0
extract https-connect foxio/pcap/https-connect.pcap 0
extract browsers-x509 foxio/pcap/browsers-x509.pcapng 0
extract ssl-selfsign arkime/pcap/ssl-selfsign.pcap 0
extract generalizedtime arkime/pcap/https-generalizedtime.pcap 0
extract san-before-keyusage arkime/pcap/arkime_synthetic.pcap 82
