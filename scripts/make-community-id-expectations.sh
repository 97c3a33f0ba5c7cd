#!/usr/bin/env bash
# scripts/make-community-id-expectations.sh — records tshark's Community ID (its `communityid` dissector,
# Corelight specification v1, seed 0) of every TCP and UDP conversation in Tests/Fixtures/captures/*.pcap into
# Tests/Fixtures/community-id/tshark.tsv: capture, address A, port A, address B, port B, IP protocol, ID.
# CommunityIDTests compares the sensor's `community_id` with these. Needs tshark (make bench-deps).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/Tests/Fixtures/community-id/tshark.tsv"
mkdir -p "$(dirname "$out")"
{
    printf '# tshark %s --enable-protocol communityid; columns: capture, src, sport, dst, dport, proto, community_id\n' \
        "$(tshark --version | head -1 | awk '{print $3}')"
    for capture in "$root"/Tests/Fixtures/captures/*.pcap; do
        name=$(basename "$capture")
        tshark -r "$capture" --enable-protocol communityid -Y 'communityid && (tcp || udp)' -T fields \
            -e ip.src -e ipv6.src -e tcp.srcport -e udp.srcport -e ip.dst -e ipv6.dst -e tcp.dstport \
            -e udp.dstport -e ip.proto -e ipv6.nxt -e communityid 2>/dev/null |
            awk -F'\t' -v name="$name" '{
                src = $1 != "" ? $1 : $2; sport = $3 != "" ? $3 : $4
                dst = $5 != "" ? $5 : $6; dport = $7 != "" ? $7 : $8
                proto = $9 != "" ? $9 : $10
                # Tunnels give several values per field: the innermost (last) is the one events report.
                n = split(src, a, ","); src = a[n]; n = split(dst, a, ","); dst = a[n]
                n = split(proto, a, ","); proto = a[n]; n = split($11, a, ","); id = a[n]
                print name "\t" src "\t" sport "\t" dst "\t" dport "\t" proto "\t" id
            }' | sort -u
    done
} >"$out"
echo "wrote $out ($(grep -vc '^#' "$out") conversations)" >&2
