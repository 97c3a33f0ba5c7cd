#!/usr/bin/env python3
"""Compare the oracle with the reference corpora; prints per-field agreement.

Usage: validate.py [SHARED_DIR]   (default ../shared relative to the repo root, or $TLSPRINT_SHARED)
"""
import collections
import json
import os
import subprocess
import sys

from ja4_oracle import analyse
import ja4h_ja4ssh

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


def foxio_ssh_http(shared, stats, diffs, folder="corpus/foxio"):
    """JA4H (HTTP/1.x requests only), JA4SSH both ways, HASSH and identification lines against FoxIO's data."""
    doc = json.load(open(os.path.join(shared, folder, "expected.json")))
    for f in doc["files"]:
        streams = [s for s in f.get("streams") or [] if "http" in s or "ja4ssh" in s or "ssh_extras" in s]
        py = [p for p in f.get("python_testdata") or [] if "JA4H" in p or any(k.startswith("JA4SSH") for k in p)]
        ws = [w for w in f.get("wireshark_testdata") or [] if "ja4h_r" in w]
        if not (streams or py or ws):
            continue
        path = os.path.join(shared, folder, "pcap", f["pcap"])
        mine = {r["stream"]: r for r in ja4h_ja4ssh.analyse(path, with_tls=False, with_frames=True)}
        for s in streams:
            got = mine.get(s["stream"], {})
            label = f"foxio {f['pcap']}#tcp{s['stream']}"
            if "http" in s:
                # HTTP/2 requests (version 20) are not HTTP/1.x: tshark's http2 layer, out of the oracle's scope
                want = [h["ja4h"] for h in s["http"] if h["ja4h"][2:4] in ("10", "11")]
                stats["foxio.ja4h: HTTP/2 requests (skipped)"][0] += len(s["http"]) - len(want)
                if want or got.get("http_requests"):
                    have = [h["ja4h"] for h in got.get("http_requests", [])]
                    tally(stats, diffs, label, "foxio.ja4h (streams)", want, have)
                    stats["foxio.ja4h (requests)"][0 if want == have else 1] += max(len(want), len(have))
            if "ja4ssh" in s:
                tally(stats, diffs, label, "foxio.ja4ssh (reference rule)", s["ja4ssh"], got.get("ja4ssh_reference"))
                tally(stats, diffs, label, "foxio.ja4ssh (spec rule)", s["ja4ssh"], got.get("ja4ssh"))
            for ek, ok in (("hassh", "hassh"), ("hassh_server", "hassh_server"),
                           ("ssh_protocol_client", "ssh_client"), ("ssh_protocol_server", "ssh_server")):
                if "ssh_extras" in s:
                    tally(stats, diffs, label, "foxio.ssh_extras." + ek, s["ssh_extras"].get(ek), got.get(ok))
        by_stream = collections.defaultdict(list)
        for p in py:
            by_stream[int(p["stream"])].append(p)
        for stream, records in by_stream.items():
            want = [p["JA4H_ro"] for p in records if "JA4H_ro" in p and p["JA4H"][2:4] in ("10", "11")]
            if want:
                # Python drops empty trailing sections ("…_User-Agent_"): compared without trailing '_'
                have = [h["ja4h_ro"].rstrip("_") for h in mine.get(stream, {}).get("http_requests", [])]
                tally(stats, diffs, f"foxio-py {f['pcap']}#{stream}", "foxio_python.ja4h_ro (streams)",
                      [w.rstrip("_") for w in want], have)
        if ws:
            # the Wireshark plugin's ja4h_r, per frame; HTTP over UDP (SSDP M-SEARCH) is out of scope
            by_frame = {h["frame"]: h["ja4h_r"] for r in mine.values() for h in r.get("http_requests", [])}
            udp = udp_frames(path)
            for w in ws:
                if w["ja4h_r"][0][2:4] not in ("10", "11"):
                    stats["foxio_wireshark.ja4h_r: HTTP/2 requests (skipped)"][0] += 1
                    continue
                if w["frame"] in udp:
                    stats["foxio_wireshark.ja4h_r: HTTP over UDP (skipped)"][0] += 1
                    continue
                tally(stats, diffs, f"foxio-ws {f['pcap']}@{w['frame']}", "foxio_wireshark.ja4h_r",
                      w["ja4h_r"][0], by_frame.get(w["frame"]))


def udp_frames(path):
    out = subprocess.run(["tshark", "-n", "-r", path, "-Y", "udp && !tcp", "-T", "fields", "-e", "frame.number"],
                         check=True, capture_output=True, text=True).stdout
    return {int(x) for x in out.split()}


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
    foxio_ssh_http(shared, stats, diffs)
    zeek(shared, stats, diffs)
    for field in sorted(stats):
        ok, bad = stats[field]
        if field.endswith("(skipped)"):
            print(f"{field:28s} {ok:4d} not compared")
        else:
            print(f"{field:28s} {ok:4d}/{ok + bad:<4d} agree")
    print("\n".join(diffs))


if __name__ == "__main__":
    main()
