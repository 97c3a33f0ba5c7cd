"""Run tshark -T json -x and walk its output as ordered (key, value) pairs.

tshark's JSON repeats keys (several `tls.record`, several `Extension: ...`),
so the output is parsed with object_pairs_hook to keep every pair in order.
Nothing here knows about tlsprint: it only reads Wireshark's dissection.
"""
import json
import subprocess


def run_tshark(pcap, decode_as=(), extra=()):
    """Return the list of frames, each the ordered pair list of its layers."""
    cmd = ["tshark", "-n", "-r", pcap, "-T", "json", "-x",
           "-o", "tcp.desegment_tcp_streams:TRUE",
           "-o", "tls.desegment_ssl_records:TRUE",
           "-o", "tls.desegment_ssl_application_data:TRUE"]
    for d in decode_as:
        cmd += ["-d", d]
    cmd += list(extra)
    out = subprocess.run(cmd, check=True, capture_output=True).stdout
    frames = json.loads(out, object_pairs_hook=lambda p: p)
    result = []
    for frame in frames:
        source = first(frame, "_source")
        result.append(first(source, "layers"))
    return result


def first(pairs, key, default=None):
    """Value of the first pair named key (pairs is a list of (k, v))."""
    if not isinstance(pairs, list):
        return default
    for k, v in pairs:
        if k == key:
            return v
    return default


def all_of(pairs, key):
    """Values of every pair named key, in order."""
    if not isinstance(pairs, list):
        return []
    return [v for k, v in pairs if k == key]


def is_obj(v):
    """A JSON object parsed as a pair list (a list of 2-tuples)."""
    return isinstance(v, list) and all(isinstance(p, tuple) and len(p) == 2 for p in v)


def walk(pairs, key):
    """Every value named key anywhere below pairs, in document order."""
    found = []
    if not is_obj(pairs):
        return found
    for k, v in pairs:
        if k == key:
            found.append(v)
        elif is_obj(v):
            found.extend(walk(v, key))
        elif isinstance(v, list):
            for item in v:
                if is_obj(item):
                    found.extend(walk(item, key))
    return found


def walk_first(pairs, key, default=None):
    """The first value named key anywhere below pairs."""
    values = walk(pairs, key)
    return values[0] if values else default


def walk_objects_with(pairs, key, stop_at=None):
    """Objects (pair lists) that directly contain key, in document order.

    Does not descend into an object that matched (handshake messages are not nested).
    """
    out = []
    if not is_obj(pairs):
        return out
    if first(pairs, key) is not None:
        return [pairs]
    for k, v in pairs:
        if stop_at and k in stop_at:
            continue
        if is_obj(v):
            out.extend(walk_objects_with(v, key, stop_at))
        elif isinstance(v, list):
            for item in v:
                if is_obj(item):
                    out.extend(walk_objects_with(item, key, stop_at))
    return out


def raw_hex(pairs, key):
    """The hex bytes tshark gives as `<key>_raw` (-x), or None."""
    v = first(pairs, key + "_raw")
    if isinstance(v, list) and v and isinstance(v[0], str):
        return v[0]
    return None


def walk_raw_hex(pairs, key):
    """Hex of every `<key>_raw` below pairs, in order."""
    out = []
    for v in walk(pairs, key + "_raw"):
        if isinstance(v, list) and v and isinstance(v[0], str):
            out.append(v[0])
    return out


def time_ns(epoch):
    """frame.time_epoch ("1703601234.123456000") as integer nanoseconds."""
    whole, _, frac = epoch.partition(".")
    frac = (frac + "000000000")[:9]
    return int(whole) * 1_000_000_000 + int(frac)
