#!/usr/bin/env python3
"""Writes a hostile classic pcap (Ethernet, microseconds) to stdout; nothing is stored.

  gen_pcap.py syn-flood [FLOWS]         FLOWS (default 1,000,000) half-open TCP flows: one SYN each to
                                        10.255.0.1:443 from spoofed sources 10.x.y.z:port, 100,000 per second
  gen_pcap.py handshake-flood [FLOWS]   FLOWS (default 10,000) connections, each sending 64 KiB of a
                                        never-completing ClientHello (record header and handshake header
                                        announcing 65,535 bytes, continued in 16 KiB records), in 1,460-byte
                                        segments round-robin across all flows so every flow stays open
"""
import struct, sys

SERVER = bytes([10, 255, 0, 1])
ETHERNET = bytes([2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0x08, 0x00])


def ipv4_checksum(header):
    total = sum(struct.unpack("!10H", header))
    while total > 0xFFFF:
        total = (total & 0xFFFF) + (total >> 16)
    return (~total) & 0xFFFF


def frame(source, sport, seq, flags, payload=b""):
    ip = bytearray(struct.pack("!BBHHHBBH4s4s", 0x45, 0, 40 + len(payload), 1, 0x4000, 64, 6, 0, source, SERVER))
    ip[10:12] = struct.pack("!H", ipv4_checksum(bytes(ip)))
    tcp = struct.pack("!HHIIBBHHH", sport, 443, seq, 0, 0x50, flags, 65535, 0, 0)
    return ETHERNET + bytes(ip) + tcp + payload


def source_of(index):
    return bytes([10, (index >> 16) & 0xFF, (index >> 8) & 0xFF, index & 0xFF or 1])


class Writer:
    def __init__(self):
        self.out = sys.stdout.buffer
        self.chunks = []
        self.out.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))

    def packet(self, micros, data):
        self.chunks.append(struct.pack("<IIII", micros // 1_000_000, micros % 1_000_000, len(data), len(data)))
        self.chunks.append(data)
        if len(self.chunks) >= 8192:
            self.flush()

    def flush(self):
        self.out.write(b"".join(self.chunks))
        self.chunks = []


def syn_flood(flows):
    writer, start = Writer(), 1_700_000_000_000_000
    for index in range(flows):
        sport = 1024 + (index * 7919) % 64000
        writer.packet(start + index * 10, frame(source_of(index + 1), sport, index * 2654435761 & 0xFFFFFFFF, 0x02))
    writer.flush()


def handshake_stream():
    """64 KiB of a ClientHello that never completes: 65,535 bytes announced, 4 x 16 KiB records sent."""
    stream = bytearray()
    body = bytes([0x01, 0x00, 0xFF, 0xFF]) + bytes([0x03, 0x03]) + bytes(range(256)) * 64
    offset = 0
    while len(stream) < 65536 - 5:
        chunk = body[offset:offset + min(16384, 65536 - 5 - len(stream))]
        stream += struct.pack("!BHH", 22, 0x0301, len(chunk)) + chunk
        offset += len(chunk)
    return bytes(stream[:65536])


def handshake_flood(flows):
    writer, start = Writer(), 1_700_000_000_000_000
    stream, mss = handshake_stream(), 1460
    time = start
    for index in range(flows):
        time += 1
        writer.packet(time, frame(source_of(index + 1), 20000 + index % 40000, 1000, 0x02))
    for offset in range(0, len(stream), mss):
        piece = stream[offset:offset + mss]
        for index in range(flows):
            time += 1
            writer.packet(time, frame(source_of(index + 1), 20000 + index % 40000, 1001 + offset, 0x18, piece))
    writer.flush()


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in ("syn-flood", "handshake-flood"):
        sys.exit(__doc__)
    count = int(sys.argv[2]) if len(sys.argv) > 2 else None
    try:
        if sys.argv[1] == "syn-flood":
            syn_flood(count or 1_000_000)
        else:
            handshake_flood(count or 10_000)
    except BrokenPipeError:
        sys.exit(0)
