#!/usr/bin/env python3
"""Compares `tlsprint live` events with `tlsprint read` on a tcpdump of the same run (and tshark's JA3).

Usage: compare.py LIVE.jsonl READ.jsonl CLIENTS INTERFACE HTTP_REQUESTS [TSHARK.tsv]
Exit 0 when everything agrees, 1 on any mismatch; prints a short summary either way.
"""
import json
import sys

TLS_EVENTS = ("tls_client_hello", "tls_session", "http_request")
COMPARED = ("ja3", "ja4", "ja4s", "ja4t", "ja4h", "ja4h_r", "http_uri")


def load(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def keyed(events):
    table = {}
    for event in events:
        if event.get("event") in TLS_EVENTS:
            key = (event["event"], event["src_ip"], event["src_port"], event["dst_port"], event.get("http_uri", ""))
            table[key] = event
    return table


def main():
    live_path, read_path, clients, interface = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    http_requests = int(sys.argv[5])
    tshark_path = sys.argv[6] if len(sys.argv) > 6 else None
    live, read = load(live_path), load(read_path)
    failures = []

    if not live or live[0].get("event") != "startup":
        failures.append("first live event is not startup")
    elif not live[0].get("message", "").startswith("sniffer started node="):
        failures.append("startup message wrong: %r" % live[0].get("message"))
    else:
        startup = live[0]
        if startup.get("interface") != interface:
            failures.append("startup interface %r, captured on %r" % (startup.get("interface"), interface))
        if startup.get("link_type") != "EN10MB":
            failures.append("startup link_type %r, a veth is EN10MB" % startup.get("link_type"))
        if not isinstance(startup.get("snaplen"), int) or not str(startup.get("version", "")).strip():
            failures.append("startup lacks snaplen or version: %r" % startup)
    if not live or live[-1].get("event") != "sensor_stats":
        failures.append("last live event is not sensor_stats")
    else:
        final = live[-1]
        for name in ("packets", "bytes", "dropped_kernel", "dropped_interface", "dropped_output", "flows_active",
                     "flows_evicted", "handshakes", "events", "suppressed", "parse_errors"):
            if not isinstance(final.get(name), int):
                failures.append("final sensor_stats lacks integer %s" % name)
        if final.get("final") is not True:
            failures.append("the last sensor_stats is not final=true")
        earlier = [event for event in live[:-1] if event.get("event") == "sensor_stats"]
        if any(event.get("final") is not False for event in earlier):
            failures.append("a periodic sensor_stats is not final=false")

    live_tls, read_tls = keyed(live), keyed(read)
    sessions = [key for key in live_tls if key[0] == "tls_session"]
    requests = [key for key in live_tls if key[0] == "http_request"]
    if len(requests) < http_requests:
        failures.append("live saw %d HTTP requests, %d were made" % (len(requests), http_requests))
    if len(sessions) < clients:
        failures.append("live saw %d sessions, %d clients succeeded" % (len(sessions), clients))
    if set(live_tls) != set(read_tls):
        failures.append("event sets differ: live only %s, read only %s"
                        % (sorted(set(live_tls) - set(read_tls)), sorted(set(read_tls) - set(live_tls))))
    compared = 0
    for key, event in sorted(live_tls.items(), key=lambda item: str(item[0])):
        other = read_tls.get(key)
        if other is None:
            continue
        for name in COMPARED:
            if event.get(name) != other.get(name):
                failures.append("%s %s: live %r, read %r" % (key, name, event.get(name), other.get(name)))
        compared += 1
        if not event.get("ja4l_c"):
            failures.append("%s: ja4l_c missing in live" % (key,))
        if not event.get("ja4t"):
            failures.append("%s: ja4t missing in live" % (key,))

    tshark_checked = 0
    if tshark_path:
        with open(tshark_path, encoding="utf-8") as handle:
            tshark = {}
            for line in handle:
                parts = line.rstrip("\n").split("\t")
                if len(parts) == 2 and parts[1]:
                    tshark[int(parts[0])] = parts[1]
        for key, event in live_tls.items():
            if key[0] != "tls_client_hello":
                continue
            expected = tshark.get(key[2])
            if expected is None:
                failures.append("%s: tshark has no ClientHello" % (key,))
            elif expected != event.get("ja3"):
                failures.append("%s: ja3 %s, tshark %s" % (key, event.get("ja3"), expected))
            tshark_checked += 1

    print("e2e: %d TLS clients, %d HTTP requests, %d live events (%d sessions), %d compared with read, "
          "%d JA3 checked with tshark" % (clients, len(requests), len(live_tls), len(sessions), compared, tshark_checked))
    for event in sorted(live_tls.values(), key=lambda e: (e["src_port"], e["event"])):
        if event["event"] == "http_request":
            print("e2e:   %-16s %5d %s %s ja4h=%s ja4t=%s ja4l_c=%s" % (
                event["event"], event["src_port"], event.get("http_method"), event.get("http_uri"),
                event.get("ja4h"), event.get("ja4t"), event.get("ja4l_c")))
            continue
        print("e2e:   %-16s %5d %-7s ja4=%s ja4s=%s ja4t=%s ja4l_c=%s" % (
            event["event"], event["src_port"], event.get("tls_version"), event.get("ja4"), event.get("ja4s", "-"),
            event.get("ja4t"), event.get("ja4l_c")))
    if failures:
        for failure in failures:
            print("e2e: MISMATCH " + failure)
        return 1
    print("e2e: PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
