#!/usr/bin/env python3
"""Print the results of Benchmarks/run.sh: table, checks, costs and a summary block for the README.

Usage: report.py DATA_DIR

Reads what run.sh left in DATA_DIR (bench-data/):
  NAME.pcap.json            sidecar of each capture (benchgen's or gen_pcap.py's): counts, fingerprints
  run/times.tsv             `capture tool seconds rss_kib` (tools: floor, tlsprint, tshark; on reference
                            also tlsprint-tls, the same read with `--protocols tls`; a tool with several
                            rows, one per run, counts with its best time)
  run/NAME.summary.txt      stderr of a `tlsprint read` without --quiet (counts, certificate cache)
  run/NAME.events.jsonl     its JSON events (counts and fingerprints checked against the sidecar)
  run/NAME.tshark.txt       tshark's fields: `ja3<TAB>ja3s` (reference, dense), `hassh<TAB>hassh_server`
                            (ssh), `method` (http); checked against the sidecar
  run/NAME.dhat.txt         valgrind --tool=dhat stderr (BENCH_ALLOCS=1: empty, allocs-dense, allocs-bulk)
The method and the cost formulas are explained at the top of run.sh.
"""
import collections
import json
import os
import re
import sys

CAPTURES = ("reference", "dense", "bulk", "ssh", "http")
# Fingerprint (or field) -> the event that carries it.
KINDS = {"ja3": "tls_client_hello", "ja4": "tls_client_hello", "ja3s": "tls_session", "ja4s": "tls_session",
         "hassh": "ssh_handshake", "hassh_server": "ssh_handshake", "ja4h": "http_request",
         "http_method": "http_request"}
# tshark's columns per capture (run.sh's tshark_args).
TSHARK_COLUMNS = {"reference": ("ja3", "ja3s"), "dense": ("ja3", "ja3s"), "ssh": ("hassh", "hassh_server"),
                  "http": ("http_method",)}
# Event counts checked against the sidecar: event -> sidecar "expected" key (absent there: 0 expected).
EVENT_COUNTS = {"ssh_handshake": "ssh_handshakes", "ssh_activity": "ssh_activity", "http_request": "http_requests"}


def load(data):
    """times[capture][tool] = (best seconds, largest RSS KiB) over its rows; spreads[(capture, tool)] = (min, max)."""
    run = os.path.join(data, "run")
    runs = collections.defaultdict(list)
    with open(os.path.join(run, "times.tsv")) as f:
        for line in f:
            capture, tool, seconds, rss = line.split()
            runs[capture, tool].append((float(seconds), int(rss)))
    times, spreads = collections.defaultdict(dict), {}
    for (capture, tool), values in runs.items():
        times[capture][tool] = (min(v[0] for v in values), max(v[1] for v in values))
        spreads[capture, tool] = (min(v[0] for v in values), max(v[0] for v in values))
    sidecars = {}
    for name in os.listdir(data):
        if name.endswith(".pcap.json"):
            with open(os.path.join(data, name)) as f:
                sidecars[name[:-len(".pcap.json")]] = json.load(f)
    return run, times, spreads, sidecars


def read_text(path):
    if not os.path.exists(path):
        return None
    with open(path, errors="replace") as f:
        return f.read()


def summary_counts(text):
    """Handshakes, SSH and HTTP counts and certificate-cache counts from tlsprint's end-of-run summary."""
    out = {}
    if text:
        # "TLS: 9,177 client hellos, 9,177 server hellos, …": a handshake is counted at its server hello.
        if m := re.search(r"(\d+) server hellos?[,;]", text):
            out["handshakes"] = int(m.group(1))
        if m := re.search(r"(\d+) certificates? looked up, (\d+) answered by the certificate cache", text):
            out["cert_lookups"], out["cert_hits"] = int(m.group(1)), int(m.group(2))
        if m := re.search(r"SSH: (\d+) streams?, (\d+) handshakes?, (\d+) JA4SSH windows?; HTTP: (\d+) streams?, "
                          r"(\d+) requests?", text):
            out.update(zip(("ssh_streams", "ssh_handshakes", "ssh_windows", "http_streams", "http_requests"),
                           map(int, m.groups())))
        if m := re.search(r"streams let go: (.*)", text):
            out["let_go"] = m.group(1)
    return out


def tlsprint_events(path):
    """Fingerprint multisets per kind and the number of events per event type."""
    values = {kind: collections.Counter() for kind in KINDS}
    events = collections.Counter()
    with open(path) as f:
        for line in f:
            event = json.loads(line)
            events[event.get("event")] += 1
            for kind, event_type in KINDS.items():
                if event.get("event") == event_type and event.get(kind):
                    values[kind][event[kind]] += 1
    return values, events


def tshark_values(path, columns):
    """Multisets of tshark's `-T fields` columns (comma-separated values in one cell count one each)."""
    values = {kind: collections.Counter() for kind in columns}
    with open(path) as f:
        for line in f:
            cols = line.rstrip("\n").split("\t") + [""] * len(columns)
            for kind, col in zip(columns, cols):
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


def capture_checks(name, run, sidecar, has_tshark):
    """Counts and multisets of one capture against its sidecar; and its summary counts."""
    expected = sidecar["expected"]
    counts = summary_counts(read_text(os.path.join(run, name + ".summary.txt")))
    lines = [f"{name}: tlsprint counted {counts.get('handshakes', '?')} TLS handshakes, "
             f"the sidecar {expected['tls_flows']}"]
    events = os.path.join(run, name + ".events.jsonl")
    if os.path.exists(events):
        values, per_event = tlsprint_events(events)
        for event, key in EVENT_COUNTS.items():
            want = expected.get(key, 0)
            if key in expected or per_event[event]:
                verdict = "ok" if per_event[event] == want else "DIFFERS"
                lines.append(f"  tlsprint {event} events: {per_event[event]:,}, the sidecar {want:,}: {verdict}")
        lines += compare("tlsprint", values, sidecar)
    if counts.get("let_go"):
        lines.append(f"  tlsprint streams let go: {counts['let_go']}")
    shark = os.path.join(run, name + ".tshark.txt")
    if has_tshark and name in TSHARK_COLUMNS and os.path.exists(shark):
        values = tshark_values(shark, TSHARK_COLUMNS[name])
        if name == "http":
            got, want = sum(values["http_method"].values()), expected["http_requests"]
            lines.append(f"  tshark   http.request lines: {got:,}, the sidecar {want:,}: "
                         f"{'ok' if got == want else 'DIFFERS'}")
        lines += compare("tshark", values, sidecar)
    return lines, counts


def fingerprinted(expected, protocols="all"):
    """What a capture gives to fingerprint, e.g. `9,177 TLS + 982 HTTP`."""
    parts = []
    if expected.get("tls_flows"):
        parts.append(f"{expected['tls_flows']:,} TLS")
    if expected.get("ssh_flows") and protocols == "all":
        parts.append(f"{expected['ssh_flows']:,} SSH")
    if expected.get("http_requests") and protocols == "all":
        parts.append(f"{expected['http_requests']:,} HTTP req.")
    return " + ".join(parts) or "0"


def make_row(name, label, expected, t, tool="tlsprint", protocols="all"):
    size, packets = expected["file_bytes"], expected["packets"]
    floor, tls = t["floor"][0], t.get(tool, (None, 0))[0]
    tshark = t.get("tshark", (None, 0))[0] if tool == "tlsprint" else None
    return {
        "name": name, "label": label, "mb": size / 1e6, "packets": packets,
        "what": fingerprinted(expected, protocols), "handshakes": expected["tls_flows"],
        "floor": floor, "tlsprint": tls, "tshark": tshark,
        "vs_floor": tls / floor if tls else None, "tshark_vs": tshark / tls if tshark and tls else None,
        "mbs": size / 1e6 / tls if tls else None,
        "rss": t.get(tool, (0, 0))[1] / 1024, "tshark_rss": t.get("tshark", (0, 0))[1] / 1024 if tshark else 0,
    }


LABELS = {"reference": "reference (`benchgen.py` defaults)",
          "reference-tls": "reference, `--protocols tls`",
          "dense": "dense (`gen_pcap.py --bulk 2000`, unique certificates)",
          "bulk": "bulk (`gen_pcap.py --bulk 1M`)",
          "ssh": "ssh (`gen_pcap.py --kind ssh`, fixture SSH streams)",
          "http": "http (`gen_pcap.py --kind http`, fixture HTTP/1.x streams)"}


def print_table(rows):
    print("\n== Throughput: page cache warm; floor and tlsprint best of 3, tshark once ==")
    header = ("capture", "MB", "packets", "fingerprinted", "floor s", "tlsprint s", "tlsprint/floor",
              "tshark s", "tshark/tlsprint", "tlsprint MB/s", "tlsprint RSS MiB", "tshark RSS MiB")
    table = [header] + [(
        r["name"], f"{r['mb']:.1f}", f"{r['packets']:,}", r["what"], fmt_s(r["floor"]),
        fmt_s(r["tlsprint"]), f"{r['vs_floor']:.1f}x" if r["vs_floor"] else "-", fmt_s(r["tshark"]),
        f"{r['tshark_vs']:.1f}x" if r["tshark_vs"] else "-", f"{r['mbs']:.0f}" if r["mbs"] else "-",
        f"{r['rss']:.0f}", f"{r['tshark_rss']:.0f}" if r["tshark"] else "-") for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for row in table:
        print("  ".join(cell.rjust(w) if i else cell.ljust(w) for i, (cell, w) in enumerate(zip(row, widths))))


def dhat_totals(text):
    """(bytes, blocks) from `==PID== Total:     1,234 bytes in 56 blocks`."""
    m = re.search(r"Total:\s+([\d,]+) bytes in ([\d,]+) blocks", text or "")
    return (int(m.group(1).replace(",", "")), int(m.group(2).replace(",", ""))) if m else None


def fmt_s(seconds):
    return "-" if seconds is None else f"{seconds:.2f}" if seconds < 10 else f"{seconds:.1f}"


def tls_costs(by, times, sidecars, costs):
    """(a) per bulk packet and (b) per handshake, from the dense and bulk captures."""
    empty = times.get("empty", {})
    if not (all(n in by and by[n]["tlsprint"] for n in ("dense", "bulk")) and "tlsprint" in empty):
        print("(a), (b): need tlsprint times on the empty, dense and bulk captures")
        return
    d, b = by["dense"], by["bulk"]
    start, floor_start = empty["tlsprint"][0], empty["floor"][0]
    # t - start = packets * per_packet + handshakes * per_handshake, for both captures (run.sh, top comment)
    t_d, t_b = d["tlsprint"] - start, b["tlsprint"] - start
    h_d, h_b = d["handshakes"], b["handshakes"]
    det = b["packets"] * h_d - d["packets"] * h_b
    per_packet = (t_b * h_d - t_d * h_b) / det
    per_handshake = (b["packets"] * t_d - d["packets"] * t_b) / det
    floor_packet = (b["floor"] - floor_start) / b["packets"]
    costs.update(start=start, floor_start=floor_start, per_packet=per_packet * 1e9,
                 floor_packet=floor_packet * 1e9, per_handshake=per_handshake * 1e6)
    print(f"startup (empty capture, subtracted below): tlsprint {start * 1e3:.1f} ms, "
          f"floor {floor_start * 1e3:.1f} ms")
    print(f"(a) per packet of a known flow carrying bulk data (bulk capture: {b['packets']:,} packets, "
          f"{sidecars['bulk']['expected']['bulk_packets']:,} of them after the handshakes, data and ACKs 2:1; "
          f"{h_b} handshakes):")
    print(f"    tlsprint {per_packet * 1e9:.0f} ns, floor {floor_packet * 1e9:.0f} ns, "
          f"tlsprint/floor {per_packet / floor_packet:.1f}x")
    print(f"(b) per handshake (ClientHello + ServerHello + Certificate -> 3 JSON events; dense capture: "
          f"{h_d:,} handshakes, {d['packets']:,} packets):")
    print(f"    ({t_d:.3f} s - {d['packets']:,} x {per_packet * 1e9:.0f} ns) / {h_d:,} "
          f"= {per_handshake * 1e6:.1f} us")


def ssh_http_costs(by, times, spreads, sidecars, costs):
    """(d) SSH per packet and per stream, (e) HTTP per packet and per request, (f) the reference's extra."""
    if "start" not in costs:
        print("(d), (e): need (a)")
    for name in (n for n in ("ssh", "http") if "start" in costs and n in by and by[n]["tlsprint"]):
        r, expected = by[name], sidecars[name]["expected"]
        t, floor = r["tlsprint"] - costs["start"], r["floor"] - costs["floor_start"]
        per_packet, floor_packet = t / r["packets"] * 1e9, floor / r["packets"] * 1e9
        costs[name + "_packet"], costs[name + "_floor_packet"] = per_packet, floor_packet
        beyond = t - r["packets"] * costs["per_packet"] / 1e9
        if name == "ssh":
            flows = expected["ssh_flows"]
            costs.update(ssh_flow=t / flows * 1e6, ssh_flow_beyond=beyond / flows * 1e6)
            print(f"(d) SSH (ssh capture: {r['packets']:,} packets, {flows:,} SSH streams, "
                  f"{expected['ssh_packets']:,} packets with payload, {expected['ssh_activity']:,} JA4SSH windows):")
            print(f"    per packet: {t:.3f} s / {r['packets']:,} = {per_packet:.0f} ns, floor {floor_packet:.0f} ns, "
                  f"tlsprint/floor {per_packet / floor_packet:.1f}x")
            print(f"    per SSH stream: {t:.3f} s / {flows:,} = {costs['ssh_flow']:.1f} us in all; beyond "
                  f"{costs['per_packet']:.0f} ns per packet (a): {costs['ssh_flow_beyond']:.1f} us")
        else:
            requests = expected["http_requests"]
            costs["http_request"] = beyond / requests * 1e6
            print(f"(e) HTTP (http capture: {r['packets']:,} packets, {expected['http_flows']:,} streams, "
                  f"{requests:,} requests):")
            print(f"    per packet: {t:.3f} s / {r['packets']:,} = {per_packet:.0f} ns, floor {floor_packet:.0f} ns, "
                  f"tlsprint/floor {per_packet / floor_packet:.1f}x")
            print(f"    per request: ({t:.3f} s - {r['packets']:,} x {costs['per_packet']:.0f} ns) / {requests:,} "
                  f"= {costs['http_request']:.1f} us")
    ref = times.get("reference", {})
    if "tlsprint" in ref and "tlsprint-tls" in ref:
        full, tls = ref["tlsprint"][0], ref["tlsprint-tls"][0]
        requests = sidecars["reference"]["expected"].get("http_requests", 0)
        costs.update(ref_extra_ms=(full - tls) * 1e3, ref_extra_pct=100 * (full - tls) / tls, ref_full=full,
                     ref_tls=tls, ref_requests=requests)
        print(f"(f) reference, SSH + HTTP fingerprinting: {full:.3f} s (default protocols) - {tls:.3f} s "
              f"(--protocols tls) = {costs['ref_extra_ms']:+.1f} ms ({costs['ref_extra_pct']:+.1f}%; "
              f"{requests:,} HTTP requests: {(full - tls) / requests * 1e6 if requests else 0:+.1f} us each)")
        lo_full, hi_full = spreads["reference", "tlsprint"]
        lo_tls, hi_tls = spreads["reference", "tlsprint-tls"]
        print(f"    runs, taking turns: default {lo_full:.3f}-{hi_full:.3f} s, --protocols tls "
              f"{lo_tls:.3f}-{hi_tls:.3f} s (a difference inside these spreads is noise)")
    else:
        print("(f) reference with --protocols tls: not timed")


def alloc_costs(run, sidecars, costs):
    """(c) heap blocks per handshake and per bulk packet (valgrind dhat, BENCH_ALLOCS=1)."""
    names = ("empty", "allocs-dense", "allocs-bulk")
    dhat = [dhat_totals(read_text(os.path.join(run, f"{n}.dhat.txt"))) for n in names]
    if not all(dhat):
        print("(c) allocations: not measured (BENCH_ALLOCS=1)")
        return
    e, d, b = dhat
    dense, bulk = sidecars["allocs-dense"]["expected"], sidecars["allocs-bulk"]["expected"]
    extra_packets = bulk["packets"] - dense["packets"]
    costs.update(allocs_handshake=(d[1] - e[1]) / dense["tls_flows"], allocs_packet=(b[1] - d[1]) / extra_packets)
    print(f"(c) allocations (valgrind --tool=dhat; startup = empty capture: {e[1]:,} blocks, {e[0]:,} bytes):")
    print(f"    per handshake: ({d[1]:,} - {e[1]:,}) / {dense['tls_flows']} handshakes = "
          f"{costs['allocs_handshake']:.1f} blocks, {(d[0] - e[0]) / dense['tls_flows']:,.0f} bytes")
    print(f"    per bulk packet: ({b[1]:,} - {d[1]:,}) / {extra_packets:,} packets = "
          f"{costs['allocs_packet']:.3f} blocks, {round((b[0] - d[0]) / extra_packets, 1) or 0.0:,.1f} bytes")


def print_summary(rows, costs, cache):
    print("\n== Summary (for the README) ==\n")
    print("| capture | size | fingerprinted | floor | **tlsprint** | tlsprint / floor | tshark | tshark / tlsprint "
          "| tlsprint MB/s | peak RSS |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['label']} | {r['mb']:,.0f} MB, {r['packets']:,} packets | {r['what']} | {fmt_s(r['floor'])} s | "
              f"**{fmt_s(r['tlsprint'])} s** | {r['vs_floor']:.1f}× | "
              + (f"{fmt_s(r['tshark'])} s | {r['tshark_vs']:.1f}× | " if r["tshark"] else "– | – | ")
              + f"{r['mbs']:.0f} | {r['rss']:.0f} MiB |")
    parts = []
    if "per_packet" in costs:
        parts.append(f"{costs['per_packet']:.0f} ns per packet of a known flow carrying bulk data (floor "
                     f"{costs['floor_packet']:.0f} ns, {costs['per_packet'] / costs['floor_packet']:.1f}×), "
                     f"{costs['per_handshake']:.0f} µs per handshake (ClientHello + ServerHello + Certificate, three "
                     f"JSON events)")
    if "ssh_packet" in costs:
        parts.append(f"SSH {costs['ssh_packet']:.0f} ns per packet (floor {costs['ssh_floor_packet']:.0f} ns, "
                     f"{costs['ssh_packet'] / costs['ssh_floor_packet']:.1f}×), {costs['ssh_flow']:.0f} µs per SSH "
                     f"stream in all ({costs['ssh_flow_beyond']:.0f} µs beyond the bulk per-packet cost)")
    if "http_packet" in costs:
        parts.append(f"HTTP {costs['http_packet']:.0f} ns per packet (floor {costs['http_floor_packet']:.0f} ns), "
                     f"{costs['http_request']:.1f} µs per request (JA4H, one JSON event)")
    if "ref_extra_ms" in costs:
        parts.append(f"on the reference capture SSH + HTTP fingerprinting costs {costs['ref_extra_ms']:+.0f} ms "
                     f"({costs['ref_extra_pct']:+.1f}%: {costs['ref_full']:.2f} s against {costs['ref_tls']:.2f} s "
                     f"with `--protocols tls`; {costs['ref_requests']:,} HTTP requests)")
    if cache:
        parts.append("certificate cache answered " + ", ".join(
            f"{100 * h / n if n else 0:.0f}% of {n:,} lookups on {name}" for name, (n, h) in cache.items()))
    if "allocs_handshake" in costs:
        parts.append(f"{costs['allocs_handshake']:.0f} allocations per handshake and "
                     f"{costs['allocs_packet']:.2f} per bulk packet (dhat)")
    if parts:
        print("\nCosts: " + "; ".join(parts) + ".")


def main():
    data = sys.argv[1]
    run, times, spreads, sidecars = load(data)
    rows, cache, checks = [], {}, []
    for name in (c for c in CAPTURES if c in times):
        expected, t = sidecars[name]["expected"], times[name]
        rows.append(make_row(name, LABELS[name], expected, t))
        if name == "reference" and "tlsprint-tls" in t:
            rows.append(make_row("reference-tls", LABELS["reference-tls"], expected, t, "tlsprint-tls", "tls"))
        lines, counts = capture_checks(name, run, sidecars[name], "tshark" in t)
        checks += lines
        if counts.get("cert_lookups"):
            cache[name] = (counts["cert_lookups"], counts["cert_hits"])

    print_table(rows)
    print("\n== Checks: counts and fingerprint multisets against each capture's sidecar ==")
    print("\n".join(checks))

    print("\n== Certificate cache (tlsprint read summary) ==")
    for name, (lookups, hits) in cache.items():
        print(f"{name}: {lookups:,} certificates looked up, {hits:,} answered by the cache "
              f"({100 * hits / lookups if lookups else 0:.1f}%)")
    if not cache:
        print("not reported: this tlsprint's summary predates the certificate-cache counters")

    print("\n== Costs ==")
    by, costs = {r["name"]: r for r in rows}, {}
    tls_costs(by, times, sidecars, costs)
    ssh_http_costs(by, times, spreads, sidecars, costs)
    alloc_costs(run, sidecars, costs)
    print_summary(rows, costs, cache)


if __name__ == "__main__":
    main()
