#!/usr/bin/env python3
"""Run a command N times and print its best wall time and peak RSS: `SECONDS RSS_KIB`.

Usage: besttime.py [--runs N] [--stdout FILE] [--stderr FILE] CMD...

The command's stdout goes to /dev/null (or FILE, rewritten each run). Wall time is taken around the
process with a monotonic clock (/usr/bin/time prints only 10 ms steps); peak RSS is
`/usr/bin/time -f %M` (KiB), the largest of the runs. A failing run is an error.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--stdout", default=os.devnull)
    ap.add_argument("--stderr")
    ap.add_argument("command", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    best, rss = float("inf"), 0
    with tempfile.NamedTemporaryFile("r") as rss_file:
        for _ in range(args.runs):
            with open(args.stdout, "wb") as out, open(args.stderr or os.devnull, "wb") as err:
                start = time.perf_counter()
                status = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss_file.name, *args.command],
                                        stdout=out, stderr=err).returncode
                elapsed = time.perf_counter() - start
            if status != 0:
                sys.exit(f"besttime.py: {' '.join(args.command)}: exit status {status}")
            best = min(best, elapsed)
            rss_file.seek(0)
            rss = max(rss, int(rss_file.read().split()[-1]))
    print(f"{best:.4f} {rss}")


if __name__ == "__main__":
    main()
