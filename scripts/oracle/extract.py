"""Per-stream facts from tshark's JSON dissection (see tshark_json.py)."""
from tshark_json import first, all_of, walk, walk_first, walk_raw_hex, raw_hex, \
    walk_objects_with, time_ns, is_obj


def _int(v, default=None):
    if v is None:
        return default
    if isinstance(v, list):
        v = v[0]
    return int(v, 16) if str(v).startswith("0x") else int(v)


def _extensions(hs):
    return [v for k, v in hs if isinstance(k, str) and k.startswith("Extension: ") and is_obj(v)]


def parse_hello(hs, proto="tls"):
    """Dict with the ClientHello/ServerHello fields the fingerprints need (proto "tls" or "dtls")."""
    def K(name):
        return proto + name[3:]
    h = {"legacy_version": _int(first(hs, K("tls.handshake.version")), 0),
         "ciphers": [_int(c) for c in walk(first(hs, K("tls.handshake.ciphersuites"), []), K("tls.handshake.ciphersuite"))],
         "session_id": raw_hex(hs, K("tls.handshake.session_id")) or "",
         "random": raw_hex(hs, K("tls.handshake.random")) or "",
         "ext_types": [], "ext_len": {}, "sni": None, "alpn": [], "supported_versions": [],
         "sigs": [], "groups": [], "point_formats": [],
         "ja3_full": first(hs, K("tls.handshake.ja3_full")), "ja3": first(hs, K("tls.handshake.ja3")),
         "ja3s_full": first(hs, K("tls.handshake.ja3s_full")), "ja3s": first(hs, K("tls.handshake.ja3s"))}
    if not h["ciphers"]:
        single = first(hs, K("tls.handshake.ciphersuite"))
        if single is not None:
            h["ciphers"] = [_int(single)]
    h["cipher"] = h["ciphers"][0] if h["ciphers"] else 0
    for ext in _extensions(hs):
        t = _int(first(ext, K("tls.handshake.extension.type")))
        if t is None:
            continue
        h["ext_types"].append(t)
        h["ext_len"].setdefault(t, _int(first(ext, K("tls.handshake.extension.len")), 0))
        if t == 0 and h["sni"] is None:
            h["sni"] = walk_first(ext, K("tls.handshake.extensions_server_name"))
        elif t == 16:
            h["alpn"] = [bytes.fromhex(x) for x in walk_raw_hex(ext, K("tls.handshake.extensions_alpn_str"))]
        elif t == 43:
            h["supported_versions"] = [_int(v) for v in walk(ext, K("tls.handshake.extensions.supported_version"))]
        elif t == 13:
            h["sigs"] = [_int(v) for v in walk(ext, K("tls.handshake.sig_hash_alg"))]
        elif t == 10:
            h["groups"] = [_int(v) for v in walk(ext, K("tls.handshake.extensions_supported_group"))]
        elif t == 11:
            h["point_formats"] = [_int(v) for v in walk(ext, K("tls.handshake.extensions_ec_point_format"))]
    return h


def _ip_info(layers):
    ttl = None
    src = dst = None
    for k, v in layers:
        if k == "ip":
            if ttl is None:
                ttl = _int(first(v, "ip.ttl"))
            src, dst = first(v, "ip.src"), first(v, "ip.dst")
        elif k == "ipv6":
            if ttl is None:
                ttl = _int(first(v, "ipv6.hlim"))
            src, dst = first(v, "ipv6.src"), first(v, "ipv6.dst")
    return src, dst, ttl


def _tcp_info(tcp):
    flags = first(tcp, "tcp.flags_tree", [])
    opts = first(tcp, "tcp.options_tree", [])
    return {"syn": first(flags, "tcp.flags.syn") in ("1", "True", True),
            "ack": first(flags, "tcp.flags.ack") in ("1", "True", True),
            "window": _int(first(tcp, "tcp.window_size_value"), 0),
            "option_kinds": [_int(k) for k in walk(opts, "tcp.option_kind")],
            "mss": _int(walk_first(opts, "tcp.options.mss_val")),
            "wscale": _int(walk_first(opts, "tcp.options.wscale.shift"))}


# RFC 9369 §3.2: QUIC v2 long header types (tshark: quic.long.packet_type_v2) as their v1 numbers
# (0 Initial, 1 0-RTT, 2 Handshake, 3 Retry).
_V2_AS_V1 = {1: 0, 2: 1, 3: 2, 0: 3}


def _quic_long_types(pairs):
    """Long header packet types (v1 numbering) of the QUIC packets below pairs, in document order."""
    out = []
    if not is_obj(pairs):
        return out
    for k, v in pairs:
        if k == "quic.long.packet_type":
            out.append(_int(v))
        elif k == "quic.long.packet_type_v2":
            out.append(_V2_AS_V1.get(_int(v)))
        elif is_obj(v):
            out.extend(_quic_long_types(v))
        elif isinstance(v, list):
            for item in v:
                out.extend(_quic_long_types(item))
    return out


def packets(layers_list):
    """Yield one dict per frame: stream key, endpoints, times, TCP info, handshakes."""
    for layers in layers_list:
        frame = first(layers, "frame", [])
        if first(layers, "icmp") is not None or first(layers, "icmpv6") is not None:
            continue
        src, dst, ttl = _ip_info(layers)
        tcp_layers = all_of(layers, "tcp")
        udp_layers = all_of(layers, "udp")
        p = {"time_ns": time_ns(first(frame, "frame.time_epoch")), "src": src, "dst": dst, "ttl": ttl,
             "tcp": None, "quic_types": [], "openvpn": first(layers, "openvpn") is not None}
        if tcp_layers:
            t = tcp_layers[-1]
            p["key"] = ("tcp", _int(first(t, "tcp.stream")))
            p["sport"], p["dport"] = _int(first(t, "tcp.srcport")), _int(first(t, "tcp.dstport"))
            p["tcp"] = _tcp_info(t)
        elif udp_layers:
            u = udp_layers[-1]
            p["key"] = ("udp", _int(first(u, "udp.stream")))
            p["sport"], p["dport"] = _int(first(u, "udp.srcport")), _int(first(u, "udp.dstport"))
            quic = first(layers, "quic")
            if quic is not None:
                p["quic_types"] = _quic_long_types(quic)
        else:
            continue
        p["handshakes"] = []
        for name, proto in (("tls", "tls"), ("quic", "tls"), ("dtls", "dtls")):
            for layer in all_of(layers, name):
                for hs in walk_objects_with(layer, proto + ".handshake.type"):
                    p["handshakes"].append((_int(first(hs, proto + ".handshake.type")), hs, proto))
        yield p
