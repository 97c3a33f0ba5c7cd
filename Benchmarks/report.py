#!/usr/bin/env python3
"""Print the results of Benchmarks/run.sh: table, checks, costs and a summary block for the README.

Usage: report.py DATA_DIR

Reads what run.sh left in DATA_DIR (bench-data/):
  NAME.pcap.json            sidecar of each capture (benchgen's or gen_pcap.py's): counts, fingerprints
  run/times.tsv             `capture tool seconds rss_kib` (tools: floor, tlsprint, tshark)
  run/NAME.summary.txt      stderr of a `tlsprint read` without --quiet (counts, certificate cache)
  run/NAME.events.jsonl     its JSON events (fingerprints checked against the sidecar)
  run/NAME.tshark.txt       tshark's `ja3<TAB>ja3s` lines (checked against the sidecar)
  run/NAME.dhat.txt         valgrind --tool=dhat stderr (BENCH_ALLOCS=1: empty, allocs-dense, allocs-bulk)
The method is explained at the top of run.sh.
"""
import collections
import json
import os
import re
import sys

CAPTURES = ("reference", "dense", "bulk")
KINDS = {"ja3": "tls_client_hello", "ja4": "tls_client_hello", "ja3s": "tls_session", "ja4s": "tls_session"}


def load(data):
    run = os.path.join(data, "run")
    times = collections.defaultdict(dict)
    with open(os.path.join(run, "times.tsv")) as f:
        for line in f:
            capture, tool, seconds, rss = line.split()
            times[capture][tool] = (float(seconds), int(rss))
    sidecars = {}
    for name in os.listdir(data):
        if name.endswith(".pcap.json"):
            with open(os.path.join(data, name)) as f:
                sidecars[name[:-len(".pcap.json")]] = json.load(f)
    return run, times, sidecars


def read_text(path):
    if not os.path.exists(path):
        return None
    with open(path, errors="replace") as f:
        return f.read()


def summary_counts(text):
    """Handshakes and certificate-cache counts from tlsprint's end-of-run summary."""
    out = {}
    if text:
        if m := re.search(r"(\d+) handshakes \(", text):
            out["handshakes"] = int(m.group(1))
        if m := re.search(r"(\d+) certificates looked up, (\d+) answered by the certificate cache", text):
            out["cert_lookups"], out["cert_hits"] = int(m.group(1)), int(m.group(2))
    return out


def tlsprint_fingerprints(path):
    values = {kind: collections.Counter() for kind in KINDS}
    with open(path) as f:
        for line in f:
            event = json.loads(line)
            for kind, event_type in KINDS.items():
                if event.get("event") == event_type and event.get(kind):
                    values[kind][event[kind]] += 1
    return values


def tshark_fingerprints(path):
    values = {"ja3": collections.Counter(), "ja3s": collections.Counter()}
    with open(path) as f:
        for line in f:
            cols = line.rstrip("\n").split("\t") + [""]
            for kind, col in (("ja3", cols[0]), ("ja3s", cols[1])):
                for value in filter(None, col.split(",")):
                    values[kind][value] += 1
    return values


def compare(tool, values, sidecar):
    """One line per kind: ok, or the counts and the first differing values."""
    lines = []
    for kind, got in values.items():
        want = collections.Counter({k: v for k, v in sidecar.get(kind + "_counts", {}).items() if v})
        if not want:
            continue
        if got == want:
            lines.append(f"  {tool:8s} {kind:4s} ok ({sum(got.values())} values, {len(got)} distinct)")
            continue
        lines.append(f"  {tool:8s} {kind:4s} DIFFERS: {sum(got.values())} values, expected {sum(want.values())}")
        for value in sorted(set(got) | set(want), key=lambda v: -abs(got[v] - want[v]))[:4]:
            lines.append(f"             {value}: {got[value]} (expected {want[value]})")
    return lines


def dhat_totals(text):
    """(bytes, blocks) from `==PID== Total:     1,234 bytes in 56 blocks`."""
    m = re.search(r"Total:\s+([\d,]+) bytes in ([\d,]+) blocks", text or "")
    return (int(m.group(1).replace(",", "")), int(m.group(2).replace(",", ""))) if m else None


def fmt_s(seconds):
    return "-" if seconds is None else f"{seconds:.2f}" if seconds < 10 else f"{seconds:.1f}"


def main():
    data = sys.argv[1]
    run, times, sidecars = load(data)
    rows, notes, cache, checks = [], [], {}, []
    for name in (c for c in CAPTURES if c in times):
        expected, t = sidecars[name]["expected"], times[name]
        size, packets, handshakes = expected["file_bytes"], expected["packets"], expected["tls_flows"]
        floor, tls = t["floor"][0], t.get("tlsprint", (None, 0))[0]
        tshark = t.get("tshark", (None, 0))[0]
        rows.append({
            "name": name, "mb": size / 1e6, "packets": packets, "handshakes": handshakes,
            "floor": floor, "tlsprint": tls, "tshark": tshark,
            "vs_floor": tls / floor if tls else None, "tshark_vs": tshark / tls if tshark and tls else None,
            "mbs": size / 1e6 / tls if tls else None,
            "rss": t.get("tlsprint", (0, 0))[1] / 1024, "tshark_rss": t.get("tshark", (0, 0))[1] / 1024,
        })
        counts = summary_counts(read_text(os.path.join(run, name + ".summary.txt")))
        if "cert_lookups" in counts:
            cache[name] = (counts["cert_lookups"], counts["cert_hits"])
        checks.append(f"{name}: tlsprint counted {counts.get('handshakes', '?')} handshakes, "
                      f"the sidecar {handshakes}")
        events = os.path.join(run, name + ".events.jsonl")
        if os.path.exists(events):
            checks += compare("tlsprint", tlsprint_fingerprints(events), sidecars[name])
        shark = os.path.join(run, name + ".tshark.txt")
        if tshark and os.path.exists(shark):
            checks += compare("tshark", tshark_fingerprints(shark), sidecars[name])

    print("\n== Throughput: page cache warm; floor and tlsprint best of 3, tshark once ==")
    header = ("capture", "MB", "packets", "handshakes", "floor s", "tlsprint s", "tlsprint/floor",
              "tshark s", "tshark/tlsprint", "tlsprint MB/s", "tlsprint RSS MiB", "tshark RSS MiB")
    table = [header] + [(
        r["name"], f"{r['mb']:.1f}", f"{r['packets']:,}", f"{r['handshakes']:,}", fmt_s(r["floor"]),
        fmt_s(r["tlsprint"]), f"{r['vs_floor']:.1f}x" if r["vs_floor"] else "-", fmt_s(r["tshark"]),
        f"{r['tshark_vs']:.1f}x" if r["tshark_vs"] else "-", f"{r['mbs']:.0f}" if r["mbs"] else "-",
        f"{r['rss']:.0f}", f"{r['tshark_rss']:.0f}" if r["tshark"] else "-") for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for row in table:
        print("  ".join(cell.rjust(w) if i else cell.ljust(w) for i, (cell, w) in enumerate(zip(row, widths))))

    print("\n== Checks: counts and fingerprint multisets against each capture's sidecar ==")
    print("\n".join(checks))

    print("\n== Certificate cache (tlsprint read summary) ==")
    for name, (lookups, hits) in cache.items():
        print(f"{name}: {lookups:,} certificates looked up, {hits:,} answered by the cache "
              f"({100 * hits / lookups if lookups else 0:.1f}%)")
    if not cache:
        print("not reported: this tlsprint's summary predates the certificate-cache counters")

    print("\n== Costs ==")
    by = {r["name"]: r for r in rows}
    costs = {}
    empty = times.get("empty", {})
    if all(n in by and by[n]["tlsprint"] for n in ("dense", "bulk")) and "tlsprint" in empty:
        d, b = by["dense"], by["bulk"]
        start, floor_start = empty["tlsprint"][0], empty["floor"][0]
        # t - start = packets * per_packet + handshakes * per_handshake, for both captures (run.sh, top comment)
        t_d, t_b = d["tlsprint"] - start, b["tlsprint"] - start
        det = b["packets"] * d["handshakes"] - d["packets"] * b["handshakes"]
        per_packet = (t_b * d["handshakes"] - t_d * b["handshakes"]) / det
        per_handshake = (b["packets"] * t_d - d["packets"] * t_b) / det
        floor_packet = (b["floor"] - floor_start) / b["packets"]
        costs.update(per_packet=per_packet * 1e9, floor_packet=floor_packet * 1e9,
                     per_handshake=per_handshake * 1e6)
        print(f"startup (empty capture, subtracted below): tlsprint {start * 1e3:.1f} ms, "
              f"floor {floor_start * 1e3:.1f} ms")
        print(f"(a) per packet of a known flow carrying bulk data (bulk capture: {b['packets']:,} packets, "
              f"{sidecars['bulk']['expected']['bulk_packets']:,} of them after the handshakes, data and ACKs 2:1; "
              f"{b['handshakes']} handshakes):")
        print(f"    tlsprint {per_packet * 1e9:.0f} ns, floor {floor_packet * 1e9:.0f} ns, "
              f"tlsprint/floor {per_packet / floor_packet:.1f}x")
        print(f"(b) per handshake (ClientHello + ServerHello + Certificate -> 3 JSON events; dense capture: "
              f"{d['handshakes']:,} handshakes, {d['packets']:,} packets):")
        print(f"    ({t_d:.3f} s - {d['packets']:,} x {per_packet * 1e9:.0f} ns) / {d['handshakes']:,} "
              f"= {per_handshake * 1e6:.1f} us")
    else:
        print("(a), (b): need tlsprint times on the empty, dense and bulk captures")
    dhat = [dhat_totals(read_text(os.path.join(run, f"{n}.dhat.txt"))) for n in ("empty", "allocs-dense", "allocs-bulk")]
    if all(dhat):
        e, d, b = dhat
        dense, bulk = sidecars["allocs-dense"]["expected"], sidecars["allocs-bulk"]["expected"]
        extra_packets = bulk["packets"] - dense["packets"]
        costs.update(allocs_handshake=(d[1] - e[1]) / dense["tls_flows"], allocs_packet=(b[1] - d[1]) / extra_packets)
        print(f"(c) allocations (valgrind --tool=dhat; startup = empty capture: {e[1]:,} blocks, {e[0]:,} bytes):")
        print(f"    per handshake: ({d[1]:,} - {e[1]:,}) / {dense['tls_flows']} handshakes = "
              f"{costs['allocs_handshake']:.1f} blocks, {(d[0] - e[0]) / dense['tls_flows']:,.0f} bytes")
        print(f"    per bulk packet: ({b[1]:,} - {d[1]:,}) / {extra_packets:,} packets = "
              f"{costs['allocs_packet']:.3f} blocks, {round((b[0] - d[0]) / extra_packets, 1) or 0.0:,.1f} bytes")
    else:
        print("(c) allocations: not measured (BENCH_ALLOCS=1)")

    print("\n== Summary (for the README) ==\n")
    print("| capture | size | handshakes | floor | **tlsprint** | tlsprint / floor | tshark | tshark / tlsprint "
          "| tlsprint MB/s | peak RSS |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    labels = {"reference": "reference (`benchgen.py` defaults)",
              "dense": "dense (`gen_pcap.py --bulk 2000`, unique certificates)", "bulk": "bulk (`gen_pcap.py --bulk 1M`)"}
    for r in rows:
        print(f"| {labels[r['name']]} | {r['mb']:,.0f} MB, {r['packets']:,} packets | {r['handshakes']:,} "
              f"({r['handshakes'] / r['mb']:.0f}/MB) | {fmt_s(r['floor'])} s | **{fmt_s(r['tlsprint'])} s** | "
              f"{r['vs_floor']:.1f}× | " + (f"{fmt_s(r['tshark'])} s | {r['tshark_vs']:.1f}× | " if r["tshark"]
                                             else "– | – | ") + f"{r['mbs']:.0f} | {r['rss']:.0f} MiB |")
    parts = []
    if "per_packet" in costs:
        parts.append(f"{costs['per_packet']:.0f} ns per packet of a known flow carrying bulk data (floor "
                     f"{costs['floor_packet']:.0f} ns, {costs['per_packet'] / costs['floor_packet']:.1f}×), "
                     f"{costs['per_handshake']:.0f} µs per handshake (ClientHello + ServerHello + Certificate, three "
                     f"JSON events)")
    if cache:
        parts.append("certificate cache answered " + ", ".join(
            f"{100 * h / n if n else 0:.0f}% of {n:,} lookups on {name}" for name, (n, h) in cache.items()))
    if "allocs_handshake" in costs:
        parts.append(f"{costs['allocs_handshake']:.0f} allocations per handshake and "
                     f"{costs['allocs_packet']:.2f} per bulk packet (dhat)")
    if parts:
        print("\nCosts: " + "; ".join(parts) + ".")


if __name__ == "__main__":
    main()
