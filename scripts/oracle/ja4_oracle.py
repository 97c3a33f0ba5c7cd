#!/usr/bin/env python3
"""Independent oracle: per-stream JA3/JA4+ values from tshark's dissection.

Usage: ja4_oracle.py [-d tcp.port==4433,tls ...] [-o PREF:VALUE ...] [--no-cert-details] FILE.pcap
Prints a JSON array of streams (TCP streams first, then UDP), see README.md.
Implements /work/shared/spec/fingerprints.md and events.md; shares no code with tlsprint.
"""
import argparse
import json
import sys

import fingerprints as fp
from certfields import cert_fields
from extract import packets, parse_hello
from tshark_json import first, run_tshark


def _ja4l_tcp(pkts):
    a = b = c = None
    for p in pkts:
        t = p["tcp"]
        if t is None:
            continue
        if a is None:
            if t["syn"] and not t["ack"]:
                a = p
        elif b is None:
            if t["syn"] and t["ack"]:
                b = p
        elif c is None and not t["syn"] and t["ack"]:
            c = p
    if not (a and b and c):
        return None, None
    return (f"{(c['time_ns'] - b['time_ns']) // 2000}_{a['ttl']}",
            f"{(b['time_ns'] - a['time_ns']) // 2000}_{b['ttl']}")


def _ja4l_quic(pkts, client):
    a = b = c = d = None
    for p in pkts:
        if not p["quic_types"]:
            continue
        kind, from_client = p["quic_types"][0], p["src"] == client
        if kind == 0 and from_client and a is None:
            a = p
        elif kind == 0 and not from_client and a is not None and b is None:
            b = p
        elif kind == 2 and not from_client and b is not None and d is None:
            c = p
        elif kind == 2 and from_client and c is not None and d is None:
            d = p
    ls = f"{(b['time_ns'] - a['time_ns']) // 2000}_{b['ttl']}" if a and b else None
    lc = f"{(d['time_ns'] - c['time_ns']) // 2000}_{a['ttl']}" if a and c and d else None
    return lc, ls


def _resumption(ch):
    offered = []
    tls13 = 0x0304 in ch["supported_versions"]
    if ch["session_id"] and not tls13:
        offered.append("session_id")
    if 35 in ch["ext_types"] and ch["ext_len"].get(35, 0) > 0:
        offered.append("session_ticket")
    if 41 in ch["ext_types"]:
        offered.append("psk")
    if 42 in ch["ext_types"]:
        offered.append("early_data_0rtt")
    return offered


def _accepted(ch, sh, negotiated):
    if negotiated == 0x0304:
        return 41 in sh["ext_types"]
    if sh["session_id"] and sh["session_id"] == ch["session_id"]:
        return True
    return 35 in sh["ext_types"] and sh["ext_len"].get(35, 0) == 0


def analyse(pcap, decode_as=(), with_certs=True, prefs=()):
    streams = {}
    extra = [a for pref in prefs for a in ("-o", pref)]
    for p in packets(run_tshark(pcap, decode_as, extra)):
        s = streams.setdefault(p["key"], {"pkts": [], "ch": None, "sh": None, "certs": [], "first": p,
                                          "client_hellos": 0, "server_hellos": 0})
        s["pkts"].append(p)
        for htype, hs, hproto in p["handshakes"]:
            if htype in (1, 2) and first(hs, hproto + ".handshake.version") is None:
                continue  # a fragment; tshark shows the reassembled message in a later frame
            if htype in (1, 2) and p["openvpn"]:
                s["openvpn"] = True  # a hello inside OpenVPN's control channel
            if htype == 1:
                s["client_hellos"] += 1
                if s["ch"] is None:
                    s["ch"], s["ch_pkt"], s["dtls"] = parse_hello(hs, hproto), p, hproto == "dtls"
            elif htype == 2:
                s["server_hellos"] += 1
                if s["sh"] is None:
                    s["sh"] = parse_hello(hs, hproto)
            elif htype == 11:
                from tshark_json import walk_raw_hex
                chain = walk_raw_hex(hs, hproto + ".handshake.certificate")
                if chain:
                    s["certs"].append([bytes.fromhex(c) for c in chain])
    out = []
    for key in sorted(streams, key=lambda k: (k[0] != "tcp", k[1])):
        out.append(_stream_record(key, streams[key], with_certs))
    return [r for r in out if r is not None]


def _stream_record(key, s, with_certs):
    transport, index = key
    ch, sh = s["ch"], s["sh"]
    cp = s.get("ch_pkt", s["first"])
    r = {"stream": index, "transport": transport,
         "client_ip": cp["src"], "client_port": cp["sport"], "server_ip": cp["dst"], "server_port": cp["dport"]}
    syn = next((p for p in s["pkts"] if p["tcp"] and p["tcp"]["syn"] and not p["tcp"]["ack"]), None)
    synack = next((p for p in s["pkts"] if p["tcp"] and p["tcp"]["syn"] and p["tcp"]["ack"]), None)
    if syn:
        r["ja4t"] = fp.ja4t(syn["tcp"])
    if synack:
        r["ja4ts"] = fp.ja4t(synack["tcp"])
    if transport == "tcp":
        lc, ls = _ja4l_tcp(s["pkts"])
    elif 443 in (cp["sport"], cp["dport"]):  # spec §4.1: QUIC JA4L only when one side uses UDP port 443
        lc, ls = _ja4l_quic(s["pkts"], cp["src"])
    else:
        lc, ls = None, None
    if ch is None and sh is None:
        if lc:
            r["ja4l_c"], r["ja4l_s"] = lc, ls
        return r if syn else None
    r["client_hellos"], r["server_hellos"] = s["client_hellos"], s["server_hellos"]
    if ch:
        # OpenVPN's control channel is TLS over OpenVPN's own reliable transport, not QUIC: 't', also over UDP
        proto = "d" if s.get("dtls") else "t" if s.get("openvpn") else \
            "q" if (transport == "udp" or 0x39 in ch["ext_types"]) else "t"
        v = fp.pick_version(ch["supported_versions"], ch["legacy_version"])
        r["tls_version_offered"] = fp.version_name(v)
        r["sni"] = ch["sni"] or ""
        r["alpn"] = [a.decode("utf-8", "backslashreplace") for a in ch["alpn"]]
        r["ja3"], r["ja3_full"] = ch["ja3"], ch["ja3_full"]
        r["ja4"], r["ja4_r"], r["ja4_o"], r["ja4_ro"] = fp.ja4(proto, ch)
        r["raw_ciphers"] = "-".join(str(c) for c in fp.no_grease(ch["ciphers"]))
        r["raw_extensions"] = "-".join(str(e) for e in fp.no_grease(ch["ext_types"]))
        r["resumption"] = _resumption(ch)
        r["ech"] = 0xFE0D in ch["ext_types"]
    if sh:
        proto = "d" if s.get("dtls") else "t" if s.get("openvpn") else "q" if transport == "udp" else "t"
        neg = fp.pick_version(sh["supported_versions"], sh["legacy_version"])
        r["tls_version"] = fp.version_name(neg)
        r["alpn_selected"] = sh["alpn"][0].decode("utf-8", "backslashreplace") if sh["alpn"] else ""
        r["ja3s"], r["ja3s_full"] = sh["ja3s"], sh["ja3s_full"]
        r["ja4s"], r["ja4s_r"] = fp.ja4s(proto, sh)
        r["hrr"] = sh["random"] == fp.HRR_RANDOM
        if ch and r["resumption"]:
            r["resumption_accepted"] = _accepted(ch, sh, neg)
    if lc:
        r["ja4l_c"], r["ja4l_s"] = lc, ls
    if s["certs"]:
        r["certificate_messages"] = []
        for chain in s["certs"]:
            if with_certs:
                r["certificate_messages"].append({"chain_length": len(chain),
                                                  "chain": [cert_fields(c) for c in chain]})
            else:
                from x509_der import ja4x_lists
                r["certificate_messages"].append({"chain_length": len(chain),
                                                  "chain": [{"ja4x": fp.ja4x(*ja4x_lists(c))[0]} for c in chain]})
    return r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-d", action="append", default=[], help="tshark decode-as rule")
    ap.add_argument("-o", action="append", default=[], help="tshark preference (e.g. openvpn.tls_auth:TRUE)")
    ap.add_argument("--no-cert-details", action="store_true")
    ap.add_argument("pcap")
    args = ap.parse_args()
    json.dump(analyse(args.pcap, args.d, not args.no_cert_details, args.o), sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
