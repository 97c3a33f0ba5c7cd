#!/usr/bin/env python3
"""Generate a large pcap of realistic mixed traffic for Benchmarks/run.sh.

Usage: gen_pcap.py OUT.pcap SIZE_MB FIXTURE.pcap...

Each TLS flow replays the real handshake payloads of one fixture stream (both
directions, in order, re-segmented at MSS 1448) under rewritten IPv4 addresses and
ports with consistent TCP sequence/ack numbers (SYN, SYN-ACK, ACK first; FIN at the
end), then bulk server->client application_data records of random bytes (record sizes
up to 16 KiB, MTU-sized segments, a client ACK every 2 segments). About 3 % of the
bytes are non-TLS: DNS queries/answers over UDP and plain HTTP/1.1 flows on port 80.
Flows overlap (a pool of 64 open flows, packets interleaved at random). Ethernet link
type, microsecond timestamps, TCP checksums left 0. Deterministic for a given seed.
"""
import random
import struct
import sys

MSS = 1448
RAND = bytearray(random.Random(7).randbytes(8 << 20))


def rand_bytes(rng, n):
    off = rng.randrange(0, len(RAND) - n)
    return bytes(RAND[off:off + n])


def read_pcap(path):
    """Yield (linktype, packet bytes) from a classic pcap file."""
    data = open(path, "rb").read()
    magic = data[:4]
    endian = "<" if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1") else ">"
    linktype = struct.unpack(endian + "I", data[20:24])[0]
    pos = 24
    while pos + 16 <= len(data):
        incl = struct.unpack(endian + "I", data[pos + 8:pos + 12])[0]
        yield linktype, data[pos + 16:pos + 16 + incl]
        pos += 16 + incl


def tcp_payloads(path):
    """Per TCP stream with a TLS ClientHello: list of (from_client, payload), in order."""
    streams, order = {}, []
    for linktype, pkt in read_pcap(path):
        if linktype != 1 or len(pkt) < 14:
            continue
        etype, ip = struct.unpack("!H", pkt[12:14])[0], pkt[14:]
        if etype == 0x0800:
            ihl = (ip[0] & 15) * 4
            if ip[9] != 6:
                continue
            src, dst, tcp = ip[12:16], ip[16:20], ip[ihl:struct.unpack("!H", ip[2:4])[0]]
        elif etype == 0x86DD:
            if ip[6] != 6:
                continue
            src, dst, tcp = ip[8:24], ip[24:40], ip[40:40 + struct.unpack("!H", ip[4:6])[0]]
        else:
            continue
        sport, dport = struct.unpack("!HH", tcp[:4])
        flags, payload = tcp[13], tcp[(tcp[12] >> 4) * 4:]
        key = frozenset([(src, sport), (dst, dport)])
        if key not in streams:
            streams[key] = {"client": (src, sport) if flags & 0x12 == 0x02 else None, "data": []}
            order.append(key)
        st = streams[key]
        if payload and st["client"] is not None:
            st["data"].append(((src, sport) == st["client"], bytes(payload)))
    return [streams[k]["data"] for k in order
            if streams[k]["data"] and streams[k]["data"][0][0] and streams[k]["data"][0][1][:1] == b"\x16"]


class Writer:
    def __init__(self, path):
        self.f = open(path, "wb", buffering=0)
        self.f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        self.chunks, self.pending, self.total = [], 0, 24

    def packet(self, t_us, frame):
        self.chunks.append(struct.pack("<IIII", t_us // 1_000_000, t_us % 1_000_000, len(frame), len(frame)))
        self.chunks.append(frame)
        self.pending += 16 + len(frame)
        if self.pending > (8 << 20):
            self.flush()

    def flush(self):
        self.f.write(b"".join(self.chunks))
        self.total += self.pending
        self.chunks, self.pending = [], 0

    def close(self):
        self.flush()
        self.f.close()


ETH = bytes.fromhex("020000000002020000000001") + b"\x08\x00"


def ipv4(src, dst, proto, payload, ident):
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident & 0xFFFF, 0x4000, 64, proto, 0, src, dst)
    s = sum(struct.unpack("!10H", hdr))
    s = (s & 0xFFFF) + (s >> 16)
    s = (s & 0xFFFF) + (s >> 16)
    return ETH + hdr[:10] + struct.pack("!H", ~s & 0xFFFF) + hdr[12:] + payload


def tcp_flow(rng, c_ip, s_ip, cport, sport, exchanges):
    """Yield frames of one TCP connection; exchanges = [(from_client, bytes)]."""
    cseq, sseq, ident = rng.getrandbits(32), rng.getrandbits(32), rng.getrandbits(16)
    opts = bytes.fromhex("020405b40402080a") + struct.pack("!II", rng.getrandbits(32), 0) + bytes.fromhex("01030307")

    def seg(from_client, flags, payload=b"", options=b""):
        nonlocal ident
        ident += 1
        off = (20 + len(options)) // 4
        if from_client:
            hdr = struct.pack("!HHIIBBHHH", cport, sport, cseq, sseq, off << 4, flags, 502, 0, 0)
            return ipv4(c_ip, s_ip, 6, hdr + options + payload, ident)
        hdr = struct.pack("!HHIIBBHHH", sport, cport, sseq, cseq, off << 4, flags, 509, 0, 0)
        return ipv4(s_ip, c_ip, 6, hdr + options + payload, ident)

    yield seg(True, 0x02, options=opts)
    cseq = (cseq + 1) & 0xFFFFFFFF
    yield seg(False, 0x12, options=opts)
    sseq = (sseq + 1) & 0xFFFFFFFF
    yield seg(True, 0x10)
    for from_client, data in exchanges:
        for i in range(0, len(data), MSS):
            part = data[i:i + MSS]
            yield seg(from_client, 0x18, part)
            if from_client:
                cseq = (cseq + len(part)) & 0xFFFFFFFF
            else:
                sseq = (sseq + len(part)) & 0xFFFFFFFF
            if (i // MSS) % 2 == 1:
                yield seg(not from_client, 0x10)
    yield seg(True, 0x11)
    cseq = (cseq + 1) & 0xFFFFFFFF
    yield seg(False, 0x11)
    sseq = (sseq + 1) & 0xFFFFFFFF
    yield seg(True, 0x10)


def tls_flow(rng, templates, n):
    hs = rng.choice(templates)
    bulk_bytes = int(rng.paretovariate(1.3) * 4000)
    bulk_bytes = min(bulk_bytes, 2_000_000)
    records = []
    while bulk_bytes > 0:
        size = min(rng.choice((16384, 16384, 8192, 1400, 600)), max(bulk_bytes, 32))
        records.append(b"\x17\x03\x03" + struct.pack("!H", size) + rand_bytes(rng, size))
        bulk_bytes -= size
    exchanges = list(hs) + [(True, b"\x17\x03\x03\x00\x40" + rand_bytes(rng, 64))] + [(False, b"".join(records))]
    return tcp_flow(rng, addr(rng, 10), addr(rng, 198), 1024 + rng.randrange(64000), 443, exchanges)


def http_flow(rng):
    req = b"GET /index.html HTTP/1.1\r\nHost: example.test\r\nUser-Agent: bench/1\r\nAccept: */*\r\n\r\n"
    body = rand_bytes(rng, rng.randrange(200, 30000)).hex().encode()[:rng.randrange(200, 30000)]
    resp = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n" % len(body) + body
    return tcp_flow(rng, addr(rng, 10), addr(rng, 203), 1024 + rng.randrange(64000), 80, [(True, req), (False, resp)])


def dns_flow(rng):
    c, s, port = addr(rng, 10), bytes([192, 0, 2, 53]), 1024 + rng.randrange(64000)
    qid = rng.getrandbits(16)
    name = b"".join(bytes([len(p)]) + p for p in (b"host%d" % rng.randrange(1000), b"example", b"test")) + b"\0"
    q = struct.pack("!HHHHHH", qid, 0x0100, 1, 0, 0, 0) + name + b"\x00\x01\x00\x01"
    a = struct.pack("!HHHHHH", qid, 0x8180, 1, 1, 0, 0) + name + b"\x00\x01\x00\x01" + \
        b"\xc0\x0c\x00\x01\x00\x01\x00\x00\x01\x2c\x00\x04" + addr(rng, 198)
    yield ipv4(c, s, 17, struct.pack("!HHHH", port, 53, 8 + len(q), 0) + q, qid)
    yield ipv4(s, c, 17, struct.pack("!HHHH", 53, port, 8 + len(a), 0) + a, qid + 1)


def addr(rng, first):
    return bytes([first, rng.randrange(256), rng.randrange(256), rng.randrange(1, 255)])


def main():
    out, size_mb, fixtures = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    templates = [t for f in fixtures for t in tcp_payloads(f)]
    if not templates:
        sys.exit("gen_pcap.py: no TLS streams found in the fixtures")
    rng, w = random.Random(20260101), Writer(out)
    target, t_us, pool, flows = size_mb * 1_000_000, 1_767_225_600_000_000, [], {"tls": 0, "http": 0, "dns": 0}
    while w.total + w.pending < target or pool:
        while len(pool) < 64 and w.total + w.pending < target:
            r = rng.random()
            kind = "dns" if r < 0.08 else "http" if r < 0.11 else "tls"
            flows[kind] += 1
            pool.append(dns_flow(rng) if kind == "dns" else http_flow(rng) if kind == "http" else tls_flow(rng, templates, flows["tls"]))
        i = rng.randrange(len(pool))
        frame = next(pool[i], None)
        if frame is None:
            pool[i] = pool[-1]
            pool.pop()
            continue
        t_us += rng.randrange(1, 40)
        w.packet(t_us, frame)
    w.close()
    print(f"gen_pcap.py: {w.total / 1e6:.1f} MB, flows {flows}, {len(templates)} handshake templates", file=sys.stderr)


if __name__ == "__main__":
    main()
