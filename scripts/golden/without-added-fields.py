#!/usr/bin/env python3
"""Reads JSON event lines on stdin and writes them without the fields added since the golden record
(Tests/Fixtures/golden), as GoldenRecord.withoutAddedFields does for the Swift tests: `community_id` on every
event, the client's `ja3`/`ja4` on `tls_certificate`, and `labels` (the embedded label set is on by default).
Everything else passes through byte for byte, so the packaging checks can still compare a binary's output with
the record.

  tlsprint read --format json ... | python3 scripts/golden/without-added-fields.py | cmp - RECORD.jsonl
"""
import re
import sys

for line in sys.stdin.buffer:
    text = re.sub(rb',"community_id":"[^"]*"', b"", line)
    text = re.sub(rb',"labels":\[(?:"(?:[^"\\]|\\.)*",?)*\]', b"", text)
    if b'"event":"tls_certificate"' in text:
        text = re.sub(rb',"ja3":"[0-9a-f]*"', b"", text)
        text = re.sub(rb',"ja4":"[^"]*"', b"", text)
    sys.stdout.buffer.write(text)
