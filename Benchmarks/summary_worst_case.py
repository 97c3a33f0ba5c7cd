#!/usr/bin/env python3
"""Benchmarks/summary_worst_case.py N OUT.pcap — the worst case for `tlsprint summary`'s tables.

Writes a classic pcap of N TLS ClientHellos, one per TCP segment, each from its own source address and port,
each with its own random cipher list (so its own JA4 and JA3) and an SNI of over 200 bytes: every event adds a new key
to every table, so once the tables are full every event evicts an entry. The README's Speed section times
`read --format json` and `summary` on N = 100,000 and compares their peak RSS at 100,000 and 300,000.
"""
import random, struct, sys

n = int(sys.argv[1]); out = open(sys.argv[2], "wb")
rng = random.Random(1)
out.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
for i in range(n):
    ciphers = rng.sample(range(1, 0x2000), 24)
    sni = ("host%d-" % i + "x" * 200 + ".example").encode()
    sni_ext = struct.pack(">HH", 0, len(sni) + 5) + struct.pack(">HBH", len(sni) + 3, 0, len(sni)) + sni
    exts = sni_ext
    body = (b"\x03\x03" + rng.randbytes(32) + b"\x00" + struct.pack(">H", 2 * len(ciphers))
            + b"".join(struct.pack(">H", c) for c in ciphers) + b"\x01\x00" + struct.pack(">H", len(exts)) + exts)
    hs = b"\x01" + struct.pack(">I", len(body))[1:] + body
    rec = b"\x16\x03\x01" + struct.pack(">H", len(hs)) + hs
    src = bytes([10, (i >> 16) & 255, (i >> 8) & 255, i & 255])
    tcp = struct.pack(">HHIIBBHHH", 1024 + i % 60000, 443, 1000, 0, 5 << 4, 0x18, 65535, 0, 0)
    ip = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp) + len(rec), 0, 0, 64, 6, 0, src, bytes([192, 0, 2, 1]))
    frame = b"\x00" * 12 + b"\x08\x00" + ip + tcp + rec
    out.write(struct.pack("<IIII", 1_700_000_000 + i // 1000, i % 1000 * 1000, len(frame), len(frame)))
    out.write(frame)
