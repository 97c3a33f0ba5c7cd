#!/usr/bin/env python3
"""Independent oracle for the SSH and plain-HTTP values: JA4H, JA4SSH, HASSH and the events.md SSH/HTTP fields.

Usage: ja4h_ja4ssh.py [-d tcp.port==2222,ssh ...] FILE.pcap    (or --self-test)
Prints a JSON array of streams: what ja4_oracle.analyse gives (endpoints, JA4T/JA4TS/JA4L, TLS values when a
stream carries TLS, e.g. after an HTTP CONNECT), plus for SSH streams `ssh_*`, `hassh*` and `ja4ssh`, and for
HTTP/1.x streams `http_requests` (see README.md). Streams that carry neither SSH, HTTP nor TLS are left out.

Written from shared/spec/fingerprints.md §6 (JA4H), §7 (JA4SSH), §7b (HASSH) and events.md ("SSH and HTTP
events"); shares no code with tlsprint. Inputs are tshark 4.0's dissection (`tshark -T json -x`):
  * HTTP: the requests tshark's HTTP dissector found (it skips bodies by Content-Length / chunked coding), each
    with its request line fields and its header lines (`http.request.line`, in the order sent);
  * SSH: tshark's `ssh.protocol` (identification lines), `ssh.kex.hassh*` (HASSH, tshark's own computation) and
    the KEXINIT name-lists (for the negotiated algorithms and a cross-check of tshark's HASSH);
  * JA4SSH: per frame only TCP facts — direction (address and port), payload length `tcp.len`, flags, relative
    sequence number — counted by the spec's rule, not by which frames tshark's SSH dissector claimed. The
    FoxIO reference rule (frames with an `ssh` layer; bare ACK = a frame without one whose flags are 0x010;
    client by IP address of the stream's first frame) is computed beside it as `ja4ssh_reference`.
"""
import argparse
import collections
import hashlib
import json
import sys

from extract import _int, _ip_info
from fingerprints import hash12
from tshark_json import all_of, first, walk, walk_first

WINDOW = 200  # JA4SSH: SSH packets per window (client + server)


# ---------------------------------------------------------------- JA4H (fingerprints.md §6)

VERSIONS = {"HTTP/1.0": "10", "HTTP/1.1": "11"}  # the oracle reads HTTP/1.x only


def _language(value):
    """First Accept-Language entry: split on ',', '-' removed, lower-cased, cut or padded with '0' to 4."""
    if value is None:
        return "0000"
    entry = value.strip().split(",")[0].strip().replace("-", "").lower()
    return (entry + "0000")[:4]


def _cookies(values):
    """Cookie header values -> [(name, value, as_sent)] in the order sent (split on '; ')."""
    out = []
    for v in values:
        for item in v.split("; "):
            if item == "":
                continue
            name, _, val = item.partition("=")
            out.append((name, val, item))
    return out


def ja4h(method, version, headers):
    """(ja4h, ja4h_r, ja4h_ro) of one request; headers = [(name, value)] in the order sent, original case."""
    names = [n for n, _ in headers if n.lower() not in ("cookie", "referer")]
    lowered = [n.lower() for n, _ in headers]
    cookie = "c" if "cookie" in lowered else "n"
    referer = "r" if "referer" in lowered else "n"
    lang = _language(next((v for n, v in headers if n.lower() == "accept-language"), None))
    a = f"{method[:2].lower()}{VERSIONS[version]}{cookie}{referer}{min(len(names), 99):02d}{lang}"
    cookies = _cookies([v for n, v in headers if n.lower() == "cookie"])
    ordered = sorted(cookies, key=lambda c: (c[0], c[1]))
    head = ",".join(names)

    def parts(cs):
        return ",".join(c[0] for c in cs), ",".join(c[2] for c in cs)

    names_sorted, items_sorted = parts(ordered)
    names_sent, items_sent = parts(cookies)
    return (f"{a}_{hash12(head)}_{hash12(names_sorted)}_{hash12(items_sorted)}",
            f"{a}_{head}_{names_sorted}_{items_sorted}",
            f"{a}_{head}_{names_sent}_{items_sent}")


# ---------------------------------------------------------------- JA4SSH (fingerprints.md §7, events.md)

def _mode(lengths):
    """Most frequent value; ties -> the smaller; 0 when there is none."""
    if not lengths:
        return 0
    counts = collections.Counter(lengths)
    top = max(counts.values())
    return min(v for v, c in counts.items() if c == top)


def ja4ssh_windows(segments, rule="spec"):
    """JA4SSH values, one per window of 200 SSH packets and one for a remainder holding at least one.

    segments: dicts with from_client, length (TCP payload), flags (int), seq (relative, per direction), ssh_layer (bool).
    rule "spec": an SSH packet is a segment with payload, a retransmission (same sequence range again in the
    same direction) not counted again; a bare ACK is flags exactly ACK with no payload.
    rule "reference" (FoxIO's Rust tool): an SSH packet is a frame where tshark's SSH dissector ran; a bare ACK is
    any other frame whose flags are exactly 0x010.
    """
    out = []
    seen = set()
    lens = {True: [], False: []}
    acks = {True: 0, False: 0}

    def emit():
        out.append(f"c{_mode(lens[True])}s{_mode(lens[False])}_c{len(lens[True])}s{len(lens[False])}"
                   f"_c{acks[True]}s{acks[False]}")

    for s in segments:
        side = s["from_client"]
        if rule == "spec":
            if s["length"] > 0:
                key = (side, s["seq"], s["length"])
                if key in seen:
                    continue
                seen.add(key)
                lens[side].append(s["length"])
            elif s["flags"] == 0x010:
                acks[side] += 1
                continue
            else:
                continue
        else:
            if s["ssh_layer"]:
                lens[side].append(s["length"])
            elif s["flags"] == 0x010:
                acks[side] += 1
                continue
            else:
                continue
        if len(lens[True]) + len(lens[False]) == WINDOW:
            emit()
            lens = {True: [], False: []}
            acks = {True: 0, False: 0}
    if lens[True] or lens[False]:
        emit()
    return out


# ---------------------------------------------------------------- SSH handshake fields (§7b, events.md)

LISTS = ["kex_algorithms", "server_host_key_algorithms",
         "encryption_algorithms_client_to_server", "encryption_algorithms_server_to_client",
         "mac_algorithms_client_to_server", "mac_algorithms_server_to_client",
         "compression_algorithms_client_to_server", "compression_algorithms_server_to_client"]


def _kexinit(ssh_layer):
    """The first KEXINIT's name-lists in an ssh layer (dict name -> string), or None."""
    if walk_first(ssh_layer, "ssh.kex_algorithms") is None:
        return None
    return {n: walk_first(ssh_layer, "ssh." + n, "") for n in LISTS}


def _negotiate(client, server):
    """RFC 4253 §7.1 as events.md words it: the client's first algorithm the server also offers."""
    def pick(name):
        theirs = server[name].split(",") if server[name] else []
        return next((a for a in (client[name].split(",") if client[name] else []) if a in theirs), None)
    return {"ssh_kex": pick("kex_algorithms"), "ssh_host_key": pick("server_host_key_algorithms"),
            "ssh_cipher": pick("encryption_algorithms_client_to_server"),
            "ssh_mac": pick("mac_algorithms_client_to_server"),
            "ssh_compression": pick("compression_algorithms_client_to_server")}


def _hassh(lists, side):
    d = "client_to_server" if side == "client" else "server_to_client"
    text = ";".join([lists["kex_algorithms"], lists["encryption_algorithms_" + d], lists["mac_algorithms_" + d],
                     lists["compression_algorithms_" + d]])
    return hashlib.md5(text.encode()).hexdigest(), text


# ---------------------------------------------------------------- per-stream facts from tshark

def streams_of(layers_list):
    """{tcp stream index: facts} from tshark's frames (TCP only)."""
    streams = {}
    for layers in layers_list:
        if first(layers, "icmp") is not None or first(layers, "icmpv6") is not None:
            continue
        tcps = all_of(layers, "tcp")
        if not tcps:
            continue
        t = tcps[-1]
        src, dst, _ = _ip_info(layers)
        index = _int(first(t, "tcp.stream"))
        sport, dport = _int(first(t, "tcp.srcport")), _int(first(t, "tcp.dstport"))
        flags = _int(first(t, "tcp.flags"), 0)
        s = streams.setdefault(index, {"frames": [], "first": (src, sport, dst, dport), "syn": None,
                                       "ssh": [], "http": []})
        if s["syn"] is None and flags & 0x012 == 0x002:
            s["syn"] = (src, sport)
        ssh_layers = all_of(layers, "ssh")
        s["frames"].append({"src": (src, sport), "src_ip": src, "length": _int(first(t, "tcp.len"), 0),
                            "flags": flags, "seq": _int(first(t, "tcp.seq"), 0),
                            "ssh_layer": bool(ssh_layers)})
        for layer in ssh_layers:
            s["ssh"].append(((src, sport), layer))
        frame = _int(first(first(layers, "frame", []), "frame.number"))
        for layer in all_of(layers, "http"):
            method = walk_first(layer, "http.request.method")
            if method is None or walk_first(layer, "http.request.version") not in ("HTTP/1.0", "HTTP/1.1"):
                continue  # not an HTTP/1.x request line (events.md: METHOD SP request-target SP HTTP/1.x)
            s["http"].append(((src, sport), layer, method, frame))
    return streams


def _header(line):
    line = line.rstrip("\r\n")
    name, _, value = line.partition(":")
    return name, value.strip()


def ssh_record(s, client):
    """events.md ssh_handshake fields and the JA4SSH windows of one SSH stream."""
    r = {}
    kex = {}
    for who, layer in s["ssh"]:
        side = "client" if who == client else "server"
        for proto in walk(layer, "ssh.protocol"):
            r.setdefault("ssh_" + side, proto)
        lists = _kexinit(layer)
        if lists is None or side in kex:
            continue
        kex[side] = lists
        key = "hassh" if side == "client" else "hassh_server"
        tkey = "ssh.kex.hassh" if side == "client" else "ssh.kex.hasshserver"
        r[key + "_algorithms"] = walk_first(layer, tkey + "_algorithms")
        r[key] = walk_first(layer, tkey)
        mine, text = _hassh(lists, side)
        if (mine, text) != (r[key], r[key + "_algorithms"]):
            raise SystemExit(f"tshark {key} {r[key]} ({r[key + '_algorithms']}) != name-lists {mine} ({text})")
    if "client" in kex and "server" in kex:
        r.update({k: v for k, v in _negotiate(kex["client"], kex["server"]).items() if v is not None})
    spec = [dict(f, from_client=(f["src"] == client)) for f in s["frames"]]
    first_ip = s["first"][0]
    ref = [dict(f, from_client=(f["src_ip"] == first_ip)) for f in s["frames"]]
    r["ja4ssh"] = ja4ssh_windows(spec, "spec")
    r["ja4ssh_reference"] = ja4ssh_windows(ref, "reference")
    return r


def http_record(s, client, with_frames=False):
    out = []
    for who, layer, method, frame in s["http"]:
        headers = [_header(line) for line in all_of(layer, "http.request.line")]
        version = walk_first(layer, "http.request.version")
        h, h_r, h_ro = ja4h(method, version, headers)
        if who != client:
            raise SystemExit(f"stream {s['first']}: an HTTP request from the server side")
        req = {"http_method": method, "http_version": version.split("/", 1)[-1],
               "http_uri": walk_first(layer, "http.request.uri")}
        for key, field in (("http_host", "http.host"), ("http_user_agent", "http.user_agent")):
            if first(layer, field) is not None:
                req[key] = first(layer, field)
        req.update({"ja4h": h, "ja4h_r": h_r, "ja4h_ro": h_ro})
        if with_frames:
            req["frame"] = frame
        out.append(req)
    return out


def analyse(pcap, decode_as=(), with_tls=True, with_frames=False):
    """[stream record] as ja4_oracle.analyse, with the SSH/HTTP keys added; only streams with something.

    with_tls=False skips ja4_oracle (no JA4T/JA4L/TLS keys); with_frames adds each request's frame number."""
    from ja4_oracle import analyse as tls_analyse
    from tshark_json import run_tshark
    streams = streams_of(run_tshark(pcap, decode_as))
    base = {r["stream"]: r for r in tls_analyse(pcap, decode_as, with_certs=with_tls) if r["transport"] == "tcp"} \
        if with_tls else {}
    out = []
    for index in sorted(streams):
        s = streams[index]
        client = s["syn"] or (s["first"][0], s["first"][1])
        r = dict(base.get(index, {}))
        if not r:
            src, sport, dst, dport = s["first"]
            server = (dst, dport) if client == (src, sport) else (src, sport)
            r = {"stream": index, "transport": "tcp", "client_ip": client[0], "client_port": client[1],
                 "server_ip": server[0], "server_port": server[1]}
        has_tls = "client_hellos" in r
        if s["ssh"]:
            r.update(ssh_record(s, client))
        if s["http"]:
            r["http_requests"] = http_record(s, client, with_frames)
        if has_tls or s["ssh"] or s["http"]:
            out.append(r)
    return out


def self_test():
    """The rules above on made-up inputs (python3 ja4h_ja4ssh.py --self-test)."""
    def seg(c, n, seq, flags=0x018):
        return {"from_client": c, "length": n, "flags": flags, "seq": seq, "ssh_layer": n > 0}
    segs = [seg(True, 0, 0, 0x002), seg(False, 0, 0, 0x012), seg(True, 0, 1, 0x010)]
    seq = {True: 1, False: 1}
    for i in range(260):  # 130 exchanges: client 36, server 36 (every 10th 52), a bare ACK from the client every 4th
        c = i % 2 == 0
        n = 36 if c or i % 20 != 1 else 52
        segs.append(seg(c, n, seq[c]))
        if i == 5:
            segs.append(seg(c, n, seq[c]))  # a retransmission: not counted by the spec rule
        seq[c] += n
        if i % 8 == 1:
            segs.append(seg(True, 0, seq[True], 0x010))
    segs.append(seg(True, 0, seq[True], 0x011))  # FIN/ACK: neither
    assert ja4ssh_windows(segs) == ["c36s36_c100s100_c26s0", "c36s36_c30s30_c8s0"], ja4ssh_windows(segs)
    ref = ja4ssh_windows(segs, "reference")
    # the (server) retransmission counts there: window 1 closes one segment earlier
    assert ref == ["c36s36_c100s100_c26s0", "c36s36_c30s31_c8s0"], ref
    assert _mode([52, 36, 52, 36]) == 36 and _mode([]) == 0
    h = ja4h("GET", "HTTP/1.1", [("Host", "x"), ("cookie", "b=2; a=1; a=0"), ("REFERER", "y"),
                                  ("Accept-Language", " en-GB;q=0.8, de"), ("X-Original-Referer", "z")])
    assert h[1] == "ge11cr03engb_Host,Accept-Language,X-Original-Referer_a,a,b_a=0,a=1,b=2", h
    assert h[2] == "ge11cr03engb_Host,Accept-Language,X-Original-Referer_b,a,a_b=2,a=1,a=0", h
    assert h[0].split("_")[1:] == [hash12("Host,Accept-Language,X-Original-Referer"), hash12("a,a,b"),
                                   hash12("a=0,a=1,b=2")]
    assert ja4h("PROPFIND", "HTTP/1.0", [])[0] == "pr10nn000000_000000000000_000000000000_000000000000"
    print("ja4h_ja4ssh.py: self-test passed")


def main():
    if sys.argv[1:] == ["--self-test"]:
        self_test()
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("-d", action="append", default=[], help="tshark decode-as rule")
    ap.add_argument("pcap")
    args = ap.parse_args()
    json.dump(analyse(args.pcap, args.d), sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
