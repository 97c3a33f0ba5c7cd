#!/bin/sh
# Regenerates the DTLS datagram fixtures from the shared corpus with tshark 4.0.17.
# Usage: sh extract.sh [SHARED]   (default ../../../../shared relative to this folder)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
shared=${1:-$here/../../../../shared}
extract() { # NAME PCAP CLIENT_PORT
    name=$1 pcap=$2 client=$3
    out="$here/$name.datagrams.hex"
    {
        echo "# $pcap: UDP payloads of every UDP frame of the DTLS flow (tshark 4.0.17)"
        echo "#   tshark -r $pcap -Y 'udp.port == $client' -T fields -e frame.number -e udp.srcport -e udp.payload"
        echo "# line: FRAME DIRECTION HEX; c = client (UDP port $client) to server, s = server to client"
        tshark -r "$shared/corpus/$pcap" -Y "udp.port == $client" -T fields \
            -e frame.number -e udp.srcport -e udp.payload 2>/dev/null |
            awk -v c="$client" '{ print $1, ($2 == c ? "c" : "s"), $3 }'
    } >"$out"
}
extract zeek-dtls1_0 zeek/pcap/dtls1_0.pcap 63721
extract zeek-dtls1_2 zeek/pcap/dtls1_2.pcap 60934
extract zeek-dtls13-wolfssl zeek/pcap/dtls13-wolfssl.pcap 33714
extract zeek-webrtc-stun zeek/pcap/webrtc-stun.pcap 43044
extract arkime-cloudshark-dtls1 arkime/pcap/cloudshark-dtls1.pcap 6000
extract arkime-wireshark-dtls12 arkime/pcap/wireshark-dtls12.pcap 48809
