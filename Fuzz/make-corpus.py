#!/usr/bin/env python3
"""Derives fuzz seeds from the project's fixtures and, at run time, from ../shared/corpus.

  make-corpus.py fixtures OUT        small seeds from Tests/Fixtures (committed as Fuzz/Corpus/<target>/)
  make-corpus.py shared SHARED OUT   seeds cut from the reference pcaps (generated into .build-fuzz, never committed)

Seed formats follow the entry points in Fuzz/Targets/*/Fuzz*.swift.
"""
import glob, hashlib, os, re, struct, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Index of each link type in the fuzz-packet and fuzz-sensor selector tables.
PACKET_LINKS = [0, 1, 9, 101, 105, 108, 113, 228, 229, 276, 12, 14, 147]
SENSOR_LINKS = [1, 101, 113, 276, 0, 228, 229, 9, 105, 108]
MAX_LEN = {"pcap": 65536, "sensor": 65536, "packet": 4096, "assembler": 16384, "clienthello": 4096,
           "serverhello": 4096, "certificate": 16384, "quic": 4096, "dtls": 16384, "ssh": 16384, "http": 16384,
           "labels": 16384}
# Hand-written HTTP/1.x client streams for the committed `http` seeds: keep-alive with bodies (length, chunked
# with an extension and a trailer), pipelining, obs-fold, bare LF, cookies, CONNECT followed by TLS bytes.
HTTP_SEEDS = [
    b"GET / HTTP/1.1\r\nHost: example.com\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n\r\n",
    b"GET /index.html HTTP/1.1\r\nHost: a\r\nAccept-Language: en-US,en;q=0.9\r\nCookie: a=1; b=2; a=0\r\n"
    b"Referer: http://a/\r\nConnection: keep-alive\r\n\r\n"
    b"POST /form HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\nhello=world"
    b"PUT /up HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nhello\r\n0\r\nT: 1\r\n\r\n"
    b"\r\nHEAD /h HTTP/1.0\r\n\r\n",
    b"CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n\x16\x03\x01\x00\x05\x01\x00\x00\x01\x00",
    b"GET /a HTTP/1.0\nX-Folded: one\r\n two\nHost: h\n\nOPTIONS * HTTP/1.1\r\n\r\n",
    b"HTTP/1.1 200 Connection established\r\nProxy-Agent: x\r\n\r\n\x16\x03\x03\x00\x02\x02\x00",
]


def write(out, target, data):
    data = data[: MAX_LEN[target]]
    folder = os.path.join(out, target)
    os.makedirs(folder, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(folder, name), "wb") as handle:
        handle.write(data)


def hex_streams(path):
    """Client and server byte streams of a commented .hex fixture (lines 'C hex' / 'S hex')."""
    streams = {"C": bytearray(), "S": bytearray()}
    for line in open(path):
        parts = line.split()
        if len(parts) == 2 and parts[0] in streams:
            streams[parts[0]] += bytes.fromhex(parts[1])
    return bytes(streams["C"]), bytes(streams["S"])


def handshake_messages(stream):
    """(type, body) of the handshake messages in a TLS byte stream, after any plaintext prelude."""
    start = stream.find(b"\x16\x03")
    if start < 0:
        return []
    payload, index = bytearray(), start
    while index + 5 <= len(stream):
        kind, length = stream[index], struct.unpack(">H", stream[index + 3:index + 5])[0]
        if kind == 22:
            payload += stream[index + 5:index + 5 + length]
        index += 5 + length
    messages, index = [], 0
    while index + 4 <= len(payload):
        kind, length = payload[index], int.from_bytes(payload[index + 1:index + 4], "big")
        if index + 4 + length > len(payload):
            break
        messages.append((kind, bytes(payload[index + 4:index + 4 + length])))
        index += 4 + length
    return messages


def capture_frames(data):
    """(link type, frame) of a pcap or pcapng file (enough of both for seeding)."""
    frames = []
    if data[:4] in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1", b"\xa1\xb2\xc3\xd4", b"\xa1\xb2\x3c\x4d"):
        endian = "<" if data[:4] in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1") else ">"
        link = struct.unpack(endian + "I", data[20:24])[0] & 0x0FFFFFFF
        index = 24
        while index + 16 <= len(data):
            captured = struct.unpack(endian + "I", data[index + 8:index + 12])[0]
            frames.append((link, data[index + 16:index + 16 + captured]))
            index += 16 + captured
    elif data[:4] == b"\x0a\x0d\x0d\x0a":
        endian = "<" if data[8:12] == b"\x4d\x3c\x2b\x1a" else ">"
        links, index = [], 0
        while index + 12 <= len(data):
            kind, length = struct.unpack(endian + "II", data[index:index + 8])
            if length < 12:
                break
            body = data[index + 8:index + length - 4]
            if kind == 1:
                links.append(struct.unpack(endian + "H", body[:2])[0])
            elif kind == 6 and len(body) >= 20:
                interface, _, _, captured = struct.unpack(endian + "IIII", body[:16])
                if interface < len(links):
                    frames.append((links[interface], body[20:20 + captured]))
            index += length
    return frames


def frame_seeds(out, frames, limit):
    seen = set()
    for link, frame in frames:
        if link in PACKET_LINKS and frame not in seen and len(seen) < limit:
            seen.add(frame)
            write(out, "packet", bytes([PACKET_LINKS.index(link)]) + frame)


def sensor_seed(out, frames):
    """One capture's frames as a fuzz-sensor frame list (frames of its first link type only)."""
    if not frames or frames[0][0] not in SENSOR_LINKS:
        return
    seed = bytearray([SENSOR_LINKS.index(frames[0][0]), 2])
    for link, frame in frames:
        if link != frames[0][0] or len(seed) + 3 + len(frame) > MAX_LEN["sensor"]:
            break
        seed += bytes([0]) + struct.pack(">H", len(frame)) + frame
    write(out, "sensor", bytes(seed))


def fixtures(out):
    fixture = os.path.join(ROOT, "Tests", "Fixtures")
    for path in sorted(glob.glob(os.path.join(fixture, "hellos", "*.hex"))):
        client, server = hex_streams(path)
        for direction in (client, server):
            if direction:
                write(out, "assembler", b"\x00" + direction[:4096])
                write(out, "assembler", b"\x07" + direction[:4096])
        for kind, body in handshake_messages(client) + handshake_messages(server):
            if kind == 1:
                write(out, "clienthello", body)
            elif kind == 2:
                write(out, "serverhello", body)
            elif kind == 11 and len(body) <= MAX_LEN["certificate"] - 1:
                write(out, "certificate", b"\x00" + body)
    for path in sorted(glob.glob(os.path.join(fixture, "certs", "*.der"))):
        write(out, "certificate", b"\x01" + open(path, "rb").read())
    for path in sorted(glob.glob(os.path.join(fixture, "dtls", "*.hex"))):
        framed = bytearray()
        for line in open(path):
            parts = line.split()
            if len(parts) == 3 and parts[1] in ("c", "s") and not line.startswith("#"):
                datagram = bytes.fromhex(parts[2])
                framed += bytes([0 if parts[1] == "c" else 1]) + struct.pack(">H", len(datagram)) + datagram
        write(out, "dtls", bytes(framed))
    for path in sorted(glob.glob(os.path.join(fixture, "quic", "*.hex"))):
        lines = [line.split() for line in open(path) if line.strip() and not line.startswith("#")]
        if path.endswith("-payload.hex"):
            write(out, "quic", b"\x02" + bytes.fromhex("".join(parts[-1] for parts in lines)))
            continue
        if path.endswith("-protected.hex"):
            datagrams = [bytes.fromhex("".join(parts[-1] for parts in lines))]
        else:
            datagrams = [bytes.fromhex(parts[1]) for parts in lines if len(parts) == 2]
        for datagram in datagrams[:4]:
            write(out, "quic", b"\x00" + datagram)
            if len(datagram) > 6 and datagram[5] <= 20:
                dcid = datagram[6:6 + datagram[5]]
                write(out, "quic", b"\x01" + bytes([len(dcid)]) + dcid + datagram)
    for path in sorted(glob.glob(os.path.join(fixture, "ssh", "*.hex"))):
        for direction in hex_streams(path):
            ssh_seeds(out, direction)
    for seed in HTTP_SEEDS:
        write(out, "http", b"\x00" + seed)
        write(out, "http", b"\x05" + seed)
    frames = []
    for path in sorted(glob.glob(os.path.join(fixture, "captures", "*.pcap"))):
        data = open(path, "rb").read()
        frames += capture_frames(data)[:12]
        sensor_seed(out, capture_frames(data))
        # A small derived capture: header + first three records.
        write(out, "pcap", data[:24] + trim_pcap(data, 3))
    frame_seeds(out, frames, 64)


def ssh_seeds(out, direction):
    """One SSH direction as fuzz-ssh seeds: whole (segmentation seed 0) and cut into small chunks (seed 7)."""
    if direction:
        write(out, "ssh", b"\x00" + direction)
        write(out, "ssh", b"\x07" + direction)


def tcp_directions(frames):
    """Each TCP direction's payload in sequence order (Ethernet or raw IP, IPv4 or IPv6, no tunnels), from the
    first data segment to the first gap; enough to cut SSH seeds from the reference captures."""
    segments = {}
    for link, frame in frames:
        if link == 1 and len(frame) >= 14:
            kind, ip = struct.unpack(">H", frame[12:14])[0], frame[14:]
            if kind == 0x8100 and len(frame) >= 18:
                kind, ip = struct.unpack(">H", frame[16:18])[0], frame[18:]
        elif link in (101, 228, 229):
            kind, ip = (0x86DD if frame[:1] and frame[0] >> 4 == 6 else 0x0800), frame
        else:
            continue
        if kind == 0x0800 and len(ip) >= 20 and ip[9] == 6:
            header, total = (ip[0] & 15) * 4, struct.unpack(">H", ip[2:4])[0]
            src, dst, tcp = ip[12:16], ip[16:20], ip[header:total]
        elif kind == 0x86DD and len(ip) >= 40 and ip[6] == 6:
            src, dst, tcp = ip[8:24], ip[24:40], ip[40:40 + struct.unpack(">H", ip[4:6])[0]]
        else:
            continue
        if len(tcp) < 20:
            continue
        sport, dport, seq = struct.unpack(">HHI", tcp[:8])
        payload = tcp[(tcp[12] >> 4) * 4:]
        if payload:
            segments.setdefault((src, sport, dst, dport), []).append((seq, payload))
    for pieces in segments.values():
        start, data = pieces[0][0], b""
        for seq, payload in sorted(pieces, key=lambda piece: (piece[0] - start) % (1 << 32)):
            offset = (seq - start) % (1 << 32)
            if offset > len(data):
                break
            data += payload[len(data) - offset:]
        yield data


def trim_pcap(data, count):
    index, taken = 24, 0
    endian = "<" if data[:4] in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1") else ">"
    while index + 16 <= len(data) and taken < count:
        index += 16 + struct.unpack(endian + "I", data[index + 8:index + 12])[0]
        taken += 1
    return data[24:index]


def tcp_segments(link, frame):
    """(src, sport, dst, dport, seq, payload) of an Ethernet, NULL or raw-IP frame with TCP, else None."""
    if link == 1:
        offset, ether = 14, frame[12:14]
        while ether in (b"\x81\x00", b"\x88\xa8") and len(frame) >= offset + 4:
            ether, offset = frame[offset + 2:offset + 4], offset + 4
        if ether not in (b"\x08\x00", b"\x86\xdd"):
            return None
    elif link in (0, 108):
        offset = 4
    elif link in (101, 228, 229):
        offset = 0
    else:
        return None
    ip = frame[offset:]
    if len(ip) >= 20 and ip[0] >> 4 == 4 and ip[9] == 6:
        header, source, destination = (ip[0] & 15) * 4, ip[12:16], ip[16:20]
        ip = ip[:struct.unpack(">H", ip[2:4])[0]]
    elif len(ip) >= 40 and ip[0] >> 4 == 6 and ip[6] == 6:
        header, source, destination = 40, ip[8:24], ip[24:40]
        ip = ip[:40 + struct.unpack(">H", ip[4:6])[0]]
    else:
        return None
    tcp = ip[header:]
    if len(tcp) < 20:
        return None
    sport, dport, seq = struct.unpack(">HHI", tcp[:8])
    return source, sport, destination, dport, seq, tcp[(tcp[12] >> 4) * 4:]


def http_seeds(out, frames):
    """Each direction of a TCP connection that opens with an HTTP/1.x request line, its segments in sequence
    order (retransmissions dropped), as an `http` seed."""
    directions = {}
    for link, frame in frames:
        segment = tcp_segments(link, frame)
        if segment and segment[5]:
            directions.setdefault(segment[:4], {}).setdefault(segment[4], segment[5])
    for segments in directions.values():
        origin = min(segments)
        stream = b"".join(segments[seq] for seq in sorted(segments, key=lambda seq: (seq - origin) % 2**32))
        if re.match(rb"[A-Z-]{3,16} \S+ HTTP/1\.[01]\r?\n", stream):
            write(out, "http", b"\x00" + stream)
            write(out, "http", b"\x03" + stream)


def shared(corpus, out):
    frames = []
    for path in sorted(glob.glob(os.path.join(corpus, "corpus", "**", "*.pcap*"), recursive=True)):
        data = open(path, "rb").read()
        write(out, "pcap", data)
        frames += capture_frames(data)[:40]
        sensor_seed(out, capture_frames(data))
        for direction in tcp_directions(capture_frames(data)):
            if direction.startswith(b"SSH-"):
                ssh_seeds(out, direction[:MAX_LEN["ssh"] - 1])
        if "foxio" in path:
            http_seeds(out, capture_frames(data))
    frame_seeds(out, frames, 400)
    # Label lists as users load them (FoxIO's mapping, the Salesforce lists): run-time seeds only.
    for path in sorted(glob.glob(os.path.join(corpus, "labels", "*.csv"))):
        write(out, "labels", open(path, "rb").read())


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "fixtures":
        fixtures(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "shared":
        shared(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
