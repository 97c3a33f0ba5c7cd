#!/usr/bin/env python3
"""Feeds tlsprint's syslog lines to the honeypot collector's own parser and checks it reads them exactly.

usage: check-syslog.py COLLECTOR_DIR SYSLOG_FILE JSON_FILE NODE

The two files are the same capture read with `--format syslog` and `--format json` (same options). For every
line, the collector's `parse_rfc5424` (COLLECTOR_DIR/parse.py loads it from worker.py unchanged) must return:
event_type = the JSON `event`, decky = NODE, service = `sniffer`, and `fields` equal to the JSON event's fields
after `severity`, written as the syslog encoding writes them (numbers as their JSON text, arrays comma-joined
except `labels`, joined with "; " since labels may contain commas, booleans true/false, the tls_certificate `chain` array left out: syslog does not carry it). attacker_ip must
be src_ip, except for IPv6 addresses, which the parser splits at the last colon (a known limit of the parser).
A second known limit: the parser ends the SD element at the first `]`, escaped (`\]`) or not, so it loses
`labels` (every label ends with `[list]`) and any field after it; such lines are expected without those fields
and counted in the summary.
Prints one line per problem and a summary; exits 1 when any line is not read exactly.
"""
import json
import os
import sys

collector, syslog_path, json_path, node = sys.argv[1:5]
sys.path.insert(0, collector)
import parse  # noqa: E402  (the collector's loader, beside its worker.py)

parse_rfc5424 = parse.load_parser(os.path.join(collector, "worker.py"))
HEADER = ("timestamp", "node", "app", "event", "severity")


def as_syslog_text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(as_syslog_text(item) for item in value)
    return str(value)


def expected_fields(event):
    return {
        key: "; ".join(value) if key == "labels" else as_syslog_text(value)
        for key, value in event.items()
        if key not in HEADER and not (key == "chain" and event.get("event") == "tls_certificate")
    }


syslog_lines = open(syslog_path, encoding="utf-8").read().splitlines()
json_lines = open(json_path, encoding="utf-8").read().splitlines()
problems = []
if len(syslog_lines) != len(json_lines):
    problems.append(f"{len(syslog_lines)} syslog lines but {len(json_lines)} JSON lines")
types = {}
labels_lost = 0
for number, (line, document) in enumerate(zip(syslog_lines, json_lines), start=1):
    # Numbers keep their JSON text (0.010 stays 0.010), as the syslog encoding writes them.
    event = json.loads(document, parse_float=str, parse_int=str)
    types[event["event"]] = types.get(event["event"], 0) + 1
    parsed = parse_rfc5424(line)
    if parsed is None:
        problems.append(f"line {number}: the collector does not parse it: {line[:160]}")
        continue
    want = expected_fields(event)
    if any("]" in label for label in event.get("labels", [])):
        cut_at = list(want).index("labels")
        want = dict(list(want.items())[:cut_at])
        labels_lost += 1
    checks = [
        ("event_type", parsed["event_type"], event["event"]),
        ("decky", parsed["decky"], node),
        ("service", parsed["service"], "sniffer"),
        ("fields", parsed["fields"], want),
    ]
    if ":" not in want.get("src_ip", ""):
        checks.append(("attacker_ip", parsed["attacker_ip"], want.get("src_ip", "Unknown")))
    for name, got, expected in checks:
        if got != expected:
            problems.append(f"line {number} ({event['event']}): {name} is {got!r}, expected {expected!r}")
for problem in problems:
    print(problem)
summary = ", ".join(f"{name} {count}" for name, count in sorted(types.items()))
lost = f"; labels lost by the collector's SD parsing on {labels_lost}" if labels_lost else ""
print(f"{len(syslog_lines)} lines read by the collector ({summary}){lost}; {len(problems)} problems")
sys.exit(1 if problems else 0)
