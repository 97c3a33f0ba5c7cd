#!/usr/bin/env python3
"""Generate a handshake-dense (or bulk) pcap from the real TLS, SSH or HTTP streams of the fixture captures.

Usage: gen_pcap.py -o OUT.pcap (--size 100M | --flows N) [--kind tls|ssh|http] [--bulk BYTES] [--seed N]
                   FIXTURE.pcap...

--kind tls (the default): every flow is a TCP connection replaying one fixture TLS stream whose server
flight carries a plaintext Certificate message (TLS 1.0-1.2), so tlsprint emits three events per flow:
tls_client_hello, tls_session and tls_certificate. Each flow is made unique, so no cache can stand
in for parsing it:
  * ClientHello random and legacy_session_id: fresh random bytes (same lengths);
  * ServerHello random (first 24 bytes; the last 8 may hold the RFC 8446 downgrade sentinel) and
    session id (the client's new one where the server echoed it, else fresh);
  * every certificate in the server's handshake bytes gets a fresh serial number of the same length
    (DER `30 82 .. .. 30 82 .. .. a0 03 02 01 02 02 LL`; first byte 0x01-0x7f, so it stays a
    positive, minimally encoded INTEGER) and fresh last 8 bytes (the end of the signature value:
    a 2-byte serial, as the fixtures' intermediate CA has, takes only 32,512 values, so thousands of
    flows would repeat one), hence a fresh SHA-256. Signatures no longer verify.
Fingerprints (JA3/JA3S/JA4/JA4S) are those of the template: none of these fields enter them.

--kind ssh / --kind http: every flow replays, unchanged, one TCP stream of the fixtures named `ssh-*` /
`http-*` (not `http-connect`, which carries TLS) whose client direction opens with an SSH
identification line (`SSH-`; the server may speak first) / an HTTP/1.x request line. The expected values
come from each fixture's NAME.expected.json (the stream with the same endpoints): one ssh_handshake per
SSH flow with its `hassh` and `hassh_server`; one http_request per entry of `http_requests` with its
`ja4h` and `http_method`. Server port 22 / 80 (tlsprint recognises both by content; tshark's dissectors
need the port).
--bulk applies to TLS only.

A flow is SYN, SYN-ACK, ACK, the fixture's payloads in its original segments (split at MSS 1448),
then, when --bulk > 0, a 64-byte client application_data record and BYTES of server application_data
(random 16 KiB records in MSS segments), then FIN, FIN, ACK. The receiver ACKs every second data
segment. Flows interleave (--concurrency open at once; --size stops starting new ones, so the flows
still open carry the file past it: up to --concurrency long flows, ~5 MB for SSH, whose interactive
template is 120 KB), addresses and ports are random (clients 10/8, servers 198.18/15), IP checksums are
correct, TCP checksums are 0. Ethernet, microsecond timestamps. The bytes depend only on (fixtures,
arguments): flow i is drawn from its own RNG, so two files with the same --seed and --flows but different
--bulk carry the same handshakes.

A sidecar OUT.pcap.json, shaped like benchgen's, records what the file holds under "expected"
(tls: flows, hellos, certificates rewritten, packets and how many of them follow the handshakes:
bulk_packets; ssh: ssh_flows, ssh_handshakes, ssh_packets (segments with payload) and the JA4SSH windows
they close, ssh_activity; http: http_flows, http_requests; all: packets, file_bytes) and the expected
multisets as shared/bench/check_fp.py reads them: JA3/JA3S/JA4/JA4S (computed with shared/bench/tlsfp.py,
found through $TLSPRINT_SHARED, default ../shared from the repository root), HASSH/HASSH-server, JA4H and
the HTTP methods.
"""
import argparse
import collections
import ipaddress
import json
import os
import random
import re
import struct
import sys

MSS = 1448
SERVER_PORT = {"tls": 443, "ssh": 22, "http": 80}
REQUEST_LINE = re.compile(rb"[!#$%&'*+.^_`|~0-9A-Za-z-]+ [^ \r\n]+ HTTP/1\.[01]\r\n")
RAND = random.Random(7).randbytes(8 << 20)
CERT_HEADER = re.compile(rb"\x30\x82..\x30\x82..\xa0\x03\x02\x01\x02\x02([\x01-\x7f])", re.S)


def rand_bytes(rng, n):
    off = rng.randrange(0, len(RAND) - n)
    return RAND[off:off + n]


def read_pcap(path):
    """Yield (linktype, packet bytes) from a classic pcap file."""
    with open(path, "rb") as f:
        data = f.read()
    endian = "<" if data[:4] in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1") else ">"
    linktype = struct.unpack(endian + "I", data[20:24])[0]
    pos = 24
    while pos + 16 <= len(data):
        incl = struct.unpack(endian + "I", data[pos + 8:pos + 12])[0]
        yield linktype, data[pos + 16:pos + 16 + incl]
        pos += 16 + incl


def tcp_streams(path):
    """Per TCP stream whose SYN is in the capture: (client (ip, port), server (ip, port), [(from_client, payload)])."""
    streams, order = {}, []
    for linktype, pkt in read_pcap(path):
        if linktype != 1 or len(pkt) < 14:
            continue
        etype, ip = struct.unpack("!H", pkt[12:14])[0], pkt[14:]
        if etype == 0x0800 and ip[9] == 6:
            src, dst, tcp = ip[12:16], ip[16:20], ip[(ip[0] & 15) * 4:struct.unpack("!H", ip[2:4])[0]]
        elif etype == 0x86DD and ip[6] == 6:
            src, dst, tcp = ip[8:24], ip[24:40], ip[40:40 + struct.unpack("!H", ip[4:6])[0]]
        else:
            continue
        sport, dport = struct.unpack("!HH", tcp[:4])
        flags, payload = tcp[13], tcp[(tcp[12] >> 4) * 4:]
        key = frozenset([(src, sport), (dst, dport)])
        if key not in streams:
            client = (src, sport) if flags & 0x12 == 0x02 else None
            streams[key] = {"client": client, "server": (dst, dport), "data": []}
            order.append(key)
        st = streams[key]
        if payload and st["client"] is not None:
            st["data"].append(((src, sport) == st["client"], bytes(payload)))
    return [(streams[k]["client"], streams[k]["server"], streams[k]["data"]) for k in order if streams[k]["data"]]


def tls_streams(path):
    """The segments of each stream whose client speaks first with a TLS handshake record."""
    return [data for _, _, data in tcp_streams(path) if data[0][0] and data[0][1][:1] == b"\x16"]


def handshake_positions(stream):
    """Offsets in `stream` of the payload bytes of its leading run of handshake (22) records."""
    pos, off = [], 0
    while off + 5 <= len(stream) and stream[off] == 0x16:
        length = int.from_bytes(stream[off + 3:off + 5], "big")
        pos.extend(range(off + 5, min(off + 5 + length, len(stream))))
        off += 5 + length
    return pos


def handshake_types(stream):
    """Message types in the leading handshake records of `stream`."""
    hs = bytes(stream[p] for p in handshake_positions(stream))
    types, p = [], 0
    while p + 4 <= len(hs):
        types.append(hs[p])
        p += 4 + int.from_bytes(hs[p + 1:p + 4], "big")
    return types


class Template:
    """One fixture TLS stream: its segments per direction and the fingerprints it must give."""

    def __init__(self, name, segments, tlsfp):
        self.name, self.segments = name, segments
        self.client = b"".join(d for c, d in segments if c)
        self.server = b"".join(d for c, d in segments if not c)
        self.fingerprints = tlsfp.fingerprints(self.client, self.server) if tlsfp else {}

    def has_certificate(self):
        return handshake_types(self.client)[:1] == [1] and 11 in handshake_types(self.server)

    def instance(self, rng):
        """The segments with fresh randoms, session ids and certificate serials; and the count of certificates."""
        client, server = bytearray(self.client), bytearray(self.server)
        client_pos, server_pos = handshake_positions(client), handshake_positions(server)
        old_sid, new_sid = patch_hello(client, client_pos, rng, 32, None)
        sh_sid = bytes(server[p] for p in server_pos[39:39 + server[server_pos[38]]])
        patch_hello(server, server_pos, rng, 24, new_sid if sh_sid == old_sid else None)
        hs = bytes(server[p] for p in server_pos)
        certificates = 0
        for match in CERT_HEADER.finditer(hs):
            length = match.group(1)[0]
            serial = bytes([rng.randrange(1, 0x80)]) + rng.randbytes(length - 1)
            for i, b in enumerate(serial):
                server[server_pos[match.end() + i]] = b
            end = match.start() + 4 + int.from_bytes(hs[match.start() + 2:match.start() + 4], "big")
            if end <= len(hs):
                for i in range(end - 8, end):
                    server[server_pos[i]] = rng.getrandbits(8)
            certificates += 1
        out, offsets = [], {True: 0, False: 0}
        for from_client, data in self.segments:
            src = client if from_client else server
            out.append((from_client, bytes(src[offsets[from_client]:offsets[from_client] + len(data)])))
            offsets[from_client] += len(data)
        return out, certificates


def patch_hello(stream, pos, rng, random_len, session_id):
    """Rewrite a hello's random (first `random_len` bytes) and session id in place; return (old, new) id."""
    for p in pos[6:6 + random_len]:
        stream[p] = rng.getrandbits(8)
    sid_pos = pos[39:39 + stream[pos[38]]]
    old = bytes(stream[p] for p in sid_pos)
    new = session_id if session_id is not None else rng.randbytes(len(sid_pos))
    for p, b in zip(sid_pos, new):
        stream[p] = b
    return old, new


class ReplayTemplate:
    """One fixture SSH or HTTP stream, replayed unchanged, and what its NAME.expected.json says it gives."""

    def __init__(self, name, segments, stream):
        self.name, self.segments = name, segments
        self.hassh = [v for v in (stream.get("hassh"), stream.get("hassh_server")) if v]
        self.ja4h = [r["ja4h"] for r in stream.get("http_requests", [])]
        self.methods = [r["http_method"] for r in stream.get("http_requests", [])]
        self.requests = len(stream.get("http_requests", []))
        # JA4SSH: a window closes every 200 segments with payload (either side) and at the end (events.md).
        self.payload_segments = sum(-(-len(d) // MSS) for _, d in segments)
        self.windows = -(-self.payload_segments // 200)

    def instance(self, rng):
        return self.segments, 0


def opens_as(kind, segments):
    """True if the stream's client opens with an SSH identification line (ssh) or an HTTP/1.x request line."""
    client = b"".join(d for c, d in segments if c)
    return client.startswith(b"SSH-") if kind == "ssh" else REQUEST_LINE.match(client) is not None


def replay_templates(kind, fixtures):
    """The SSH or HTTP templates of the fixtures `ssh-*` / `http-*` (not `http-connect*`), matched by endpoints."""
    templates = []
    for path in sorted(fixtures):
        base = os.path.basename(path)
        if not base.startswith(kind + "-") or base.startswith("http-connect"):
            continue
        with open(path[:-len(".pcap")] + ".expected.json") as f:
            expected = json.load(f)["streams"]
        for i, (client, server, segments) in enumerate(tcp_streams(path)):
            if not opens_as(kind, segments):
                continue
            endpoints = (str(ipaddress.ip_address(client[0])), client[1], str(ipaddress.ip_address(server[0])),
                         server[1])
            stream = [e for e in expected if (e.get("client_ip"), e.get("client_port"), e.get("server_ip"),
                                              e.get("server_port")) == endpoints]
            if len(stream) != 1:
                sys.exit(f"gen_pcap.py: {base} stream {i}: {len(stream)} streams of its expected.json match")
            templates.append(ReplayTemplate(f"{base}#{i}", segments, stream[0]))
    return templates


def tls_templates(fixtures):
    """The TLS templates: fixture streams whose server sends a plaintext Certificate."""
    tlsfp = load_tlsfp()
    templates = [Template(f"{os.path.basename(f)}#{i}", segments, tlsfp)
                 for f in sorted(fixtures) for i, segments in enumerate(tls_streams(f))]
    return [t for t in templates if t.has_certificate()]


ETH = bytes.fromhex("020000000002020000000001") + b"\x08\x00"


def ipv4(src, dst, proto, payload, ident):
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident & 0xFFFF, 0x4000, 64, proto, 0, src, dst)
    s = sum(struct.unpack("!10H", hdr))
    s = (s & 0xFFFF) + (s >> 16)
    s = (s & 0xFFFF) + (s >> 16)
    return ETH + hdr[:10] + struct.pack("!H", ~s & 0xFFFF) + hdr[12:] + payload


def tcp_flow(rng, handshake, bulk, stats, sport=443):
    """Yield the frames of one connection to `sport`: handshake segments [(from_client, bytes)], then `bulk` bytes."""
    c_ip = bytes([10, rng.randrange(256), rng.randrange(256), rng.randrange(1, 255)])
    s_ip = bytes([198, 18 + rng.randrange(2), rng.randrange(256), rng.randrange(1, 255)])
    cport = 1024 + rng.randrange(64000)
    seq = {True: rng.getrandbits(32), False: rng.getrandbits(32)}
    ident = rng.getrandbits(16)
    unacked = {True: 0, False: 0}
    opts = bytes.fromhex("020405b40402080a") + struct.pack("!II", rng.getrandbits(32), 0) + bytes.fromhex("01030307")

    def seg(from_client, flags, payload=b"", options=b""):
        nonlocal ident
        ident += 1
        hdr = struct.pack("!HHIIBBHHH", cport if from_client else sport, sport if from_client else cport,
                          seq[from_client], seq[not from_client], (20 + len(options)) << 2, flags, 502, 0, 0)
        src, dst = (c_ip, s_ip) if from_client else (s_ip, c_ip)
        seq[from_client] = (seq[from_client] + len(payload) + (1 if flags & 0x03 else 0)) & 0xFFFFFFFF
        return ipv4(src, dst, 6, hdr + options + payload, ident)

    def data(from_client, payload):
        for i in range(0, len(payload), MSS):
            yield seg(from_client, 0x18, payload[i:i + MSS])
            unacked[from_client] += 1
            if unacked[from_client] == 2:
                unacked[from_client] = 0
                yield seg(not from_client, 0x10)

    yield seg(True, 0x02, options=opts)
    yield seg(False, 0x12, options=opts)
    yield seg(True, 0x10)
    for from_client, payload in handshake:
        yield from data(from_client, payload)
    if bulk > 0:
        records = [b"\x17\x03\x03\x00\x40" + rand_bytes(rng, 64)]
        for size in [16384] * (bulk // 16384) + [bulk % 16384] * (bulk % 16384 > 0):
            records.append(b"\x17\x03\x03" + struct.pack("!H", size) + rand_bytes(rng, size))
        for frame in (*data(True, records[0]), *data(False, b"".join(records[1:]))):
            stats["bulk_packets"] += 1
            yield frame
    yield seg(True, 0x11)
    yield seg(False, 0x11)
    yield seg(True, 0x10)


class Writer:
    def __init__(self, path):
        self.f = open(path, "wb", buffering=1 << 20)
        self.f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        self.bytes, self.packets = 24, 0

    def packet(self, t_us, frame):
        self.f.write(struct.pack("<IIII", t_us // 1_000_000, t_us % 1_000_000, len(frame), len(frame)))
        self.f.write(frame)
        self.bytes += 16 + len(frame)
        self.packets += 1


def parse_size(text):
    units = {"K": 10**3, "M": 10**6, "G": 10**9}
    return int(float(text[:-1]) * units[text[-1].upper()]) if text[-1].upper() in units else int(text)


def load_tlsfp():
    shared = os.environ.get("TLSPRINT_SHARED") or os.path.join(os.path.dirname(__file__), "..", "..", "shared")
    sys.path.insert(0, os.path.join(os.path.abspath(shared), "bench"))
    try:
        import tlsfp
        return tlsfp
    except ImportError:
        print("gen_pcap.py: shared/bench/tlsfp.py not found: no expected fingerprints", file=sys.stderr)
        return None


def expected_values(kind, templates, used, started, stats, w):
    """The sidecar's "expected" counts and the fingerprint multisets, from the templates used."""
    by_name = {t.name: t for t in templates}
    if kind == "tls":
        kinds = ("ja3", "ja3s", "ja4", "ja4s")
        multisets = {k + "_counts": collections.Counter() for k in kinds}
        for name, n in used.items():
            for k in kinds:
                if by_name[name].fingerprints.get(k):
                    multisets[k + "_counts"][by_name[name].fingerprints[k]] += n
        counts = {
            "tls_flows": started, "client_hellos": started, "server_hellos": started,
            "certificate_messages": started, "certificates_rewritten": stats["certificates_rewritten"],
            "packets": w.packets, "bulk_packets": stats["bulk_packets"], "file_bytes": w.bytes,
        }
        return counts, multisets
    kinds = ("hassh", "hassh_server") if kind == "ssh" else ("ja4h", "http_method")
    multisets = {k + "_counts": collections.Counter() for k in kinds}
    for name, n in used.items():
        t = by_name[name]
        values = {"hassh": t.hassh[:1], "hassh_server": t.hassh[1:], "ja4h": t.ja4h, "http_method": t.methods}
        for k in kinds:
            for value in values[k]:
                multisets[k + "_counts"][value] += n
    counts = {"tls_flows": 0, kind + "_flows": started}
    if kind == "ssh":
        counts.update(ssh_handshakes=started,
                      ssh_packets=sum(by_name[name].payload_segments * n for name, n in used.items()),
                      ssh_activity=sum(by_name[name].windows * n for name, n in used.items()))
    else:
        counts["http_requests"] = sum(by_name[name].requests * n for name, n in used.items())
    counts.update(packets=w.packets, file_bytes=w.bytes)
    return counts, multisets


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--size", type=parse_size, help="stop starting flows at this file size (e.g. 100M)")
    ap.add_argument("--flows", type=int, help="exactly this many flows (0: an empty capture)")
    ap.add_argument("--kind", choices=("tls", "ssh", "http"), default="tls", help="what the flows replay")
    ap.add_argument("--bulk", type=parse_size, default=0, help="server application_data bytes per TLS flow")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--concurrency", type=int, default=64)
    ap.add_argument("fixtures", nargs="+")
    args = ap.parse_args()
    if (args.size is None) == (args.flows is None):
        ap.error("give one of --size and --flows")
    if args.kind == "tls":
        templates = tls_templates(args.fixtures)
    else:
        templates = replay_templates(args.kind, args.fixtures)
    if not templates:
        sys.exit(f"gen_pcap.py: no {args.kind} template in the fixtures"
                 + (" (TLS: a stream with a plaintext Certificate)" if args.kind == "tls" else ""))
    bulk, port = (args.bulk if args.kind == "tls" else 0), SERVER_PORT[args.kind]

    w, sched = Writer(args.output + ".tmp"), random.Random(args.seed)
    t_us, pool, started = 1_767_225_600_000_000, [], 0
    stats = collections.Counter()
    used = collections.Counter()

    def more_flows():
        if args.flows is not None:
            return started < args.flows
        return w.bytes < args.size

    while pool or more_flows():
        while len(pool) < args.concurrency and more_flows():
            rng = random.Random(f"{args.seed}/{started}")
            template = rng.choice(templates)
            handshake, certificates = template.instance(rng)
            used[template.name] += 1
            stats["certificates_rewritten"] += certificates
            pool.append(tcp_flow(rng, handshake, bulk, stats, port))
            started += 1
        i = sched.randrange(len(pool))
        frame = next(pool[i], None)
        if frame is None:
            pool[i] = pool[-1]
            pool.pop()
            continue
        t_us += sched.randrange(1, 40)
        w.packet(t_us, frame)
    w.f.close()
    os.replace(args.output + ".tmp", args.output)

    counts, multisets = expected_values(args.kind, templates, used, started, stats, w)
    sidecar = {
        "generator": "Benchmarks/gen_pcap.py",
        "args": {k: v for k, v in vars(args).items() if k not in ("output", "fixtures")},
        "expected": counts,
        "templates": dict(sorted(used.items())),
        **{k: dict(sorted(v.items())) for k, v in multisets.items()},
    }
    with open(args.output + ".json", "w") as f:
        json.dump(sidecar, f, indent=1)
    mb = w.bytes / 1e6
    extra = {"tls": f"{stats['bulk_packets']} bulk packets, {stats['certificates_rewritten']} certificates "
                    "re-serialled",
             "ssh": f"{counts.get('ssh_packets')} SSH packets, {counts.get('ssh_activity')} JA4SSH windows",
             "http": f"{counts.get('http_requests')} requests"}[args.kind]
    print(f"gen_pcap.py: {args.output}: {mb:.1f} MB, {w.packets} packets, {started} {args.kind.upper()} flows "
          f"({started / mb if mb else 0:.0f} per MB), {extra}, {len(templates)} templates", file=sys.stderr)


if __name__ == "__main__":
    main()
