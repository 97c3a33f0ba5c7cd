#!/usr/bin/env python3
"""Compare the oracle with the reference corpora; prints per-field agreement.

Usage: validate.py [SHARED_DIR]   (default ../shared relative to the repo root, or $TLSPRINT_SHARED)
"""
import collections
import json
import os
import sys

from ja4_oracle import analyse

FOX_FIELDS = {"ja4": "ja4", "ja4s": "ja4s", "ja4t": "ja4t", "ja4l_c": "ja4l_c", "ja4l_s": "ja4l_s",
              "tls_server_name": "sni"}
PY_FIELDS = {"JA4_r.1": "ja4_r", "JA4_o.1": "ja4_o", "JA4_ro.1": "ja4_ro", "JA4S_r": "ja4s_r"}
ZEEK_FIELDS = ["ja4", "ja4_r", "ja4s", "ja4s_r", "ja3", "ja3_full", "ja3s", "ja3s_full"]


def tally(stats, diffs, label, field, want, got):
    stats[field][0 if want == got else 1] += 1
    if want != got:
        diffs.append(f"{label} {field}: expected {want!r} got {got!r}")


def foxio(shared, stats, diffs, folder="corpus/foxio", pcaps="pcap", tag="foxio"):
    doc = json.load(open(os.path.join(shared, folder, "expected.json")))
    for f in doc["files"]:
        if not f.get("streams"):
            continue
        path = os.path.join(shared, folder, pcaps, f["pcap"])
        mine = {(r["transport"], r["stream"]): r for r in analyse(path, with_certs=False)}
        for s in f["streams"]:
            got = mine.get((s["transport"], s["stream"]), {})
            label = f"{tag} {f['pcap']}#{s['transport']}{s['stream']}"
            for ek, ok in FOX_FIELDS.items():
                if ek in s:
                    tally(stats, diffs, label, tag + "." + ek, s[ek], got.get(ok))
            if "tls_certs" in s:
                want = [c["ja4x"] for m in s["tls_certs"] for c in m["x509"]]
                have = [c["ja4x"] for m in got.get("certificate_messages", []) for c in m["chain"]]
                tally(stats, diffs, label, tag + ".ja4x", want, have)
        for p in f.get("python_testdata", []):
            got = mine.get(("tcp", p["stream"]), {})
            for ek, ok in PY_FIELDS.items():
                if ek in p:
                    tally(stats, diffs, f"foxio-py {f['pcap']}#{p['stream']}", "foxio_python." + ok, p[ek], got.get(ok))


def zeek(shared, stats, diffs):
    doc = json.load(open(os.path.join(shared, "corpus/zeek/expected.json")))
    for f in doc["files"]:
        path = os.path.join(shared, "corpus/zeek/pcap", f["pcap"])
        extra = ["udp.port==853,quic"] if f["pcap"] == "quicdoq.pcap" else []
        mine = {(r["transport"], r["stream"]): r for r in analyse(path, extra, with_certs=False)}
        for s in f["streams"]:
            d = s.get("derived")
            if not d:
                continue
            got = mine.get(("tcp" if s["transport"] == "tcp" else "udp", s["tshark_stream"]), {})
            for k in ZEEK_FIELDS:
                if k in d:
                    tally(stats, diffs, f"zeek {f['pcap']}#{s['transport']}{s['tshark_stream']}", "zeek." + k,
                          d[k], got.get(k))


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else os.environ.get(
        "TLSPRINT_SHARED", os.path.join(os.path.dirname(__file__), "../../../shared"))
    stats, diffs = collections.defaultdict(lambda: [0, 0]), []
    foxio(shared, stats, diffs)
    foxio(shared, stats, diffs, "corpus/foxio/derived", ".", "foxio_derived")
    zeek(shared, stats, diffs)
    for field in sorted(stats):
        ok, bad = stats[field]
        print(f"{field:28s} {ok:4d}/{ok + bad:<4d} agree")
    print("\n".join(diffs))


if __name__ == "__main__":
    main()
