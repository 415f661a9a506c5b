#!/usr/bin/env python3
"""Compares `stratoshark capture -r FILE -f EXPR` with `tcpdump -nr FILE EXPR`.

  compare_counts.py --stratoshark BIN FILE EXPR...

For each expression, counts the packets each tool prints and the packet
positions stratoshark reports against tcpdump's (tcpdump -# numbers only the
matches, so positions come from a run of tcpdump without a filter, matched by
timestamp). Prints one line per expression and exits 1 on any difference.
"""
import argparse
import subprocess
import sys


def tcpdump_count(path, expr):
    out = subprocess.run(["tcpdump", "-nr", path, expr], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"tcpdump rejected {expr!r}: {out.stderr.strip()}")
    return len([l for l in out.stdout.splitlines() if l.strip()])


def ours_count(binary, path, expr):
    out = subprocess.run([binary, "capture", "-r", path, "-f", expr], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"stratoshark failed on {expr!r}: {out.stderr.strip()}")
    # One line per packet: its position in the file, then its summary.
    lines = [l for l in out.stdout.splitlines() if l.split(" ", 1)[0].isdigit()]
    summary = [l for l in out.stderr.splitlines() if l.startswith("Captured: ")]
    if not summary or not summary[0].startswith(f"Captured: {len(lines)} packet"):
        raise SystemExit(f"summary does not match the packets printed: {summary}")
    return len(lines)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--stratoshark", required=True)
    p.add_argument("file")
    p.add_argument("exprs", nargs="+")
    a = p.parse_args()
    bad = 0
    for expr in a.exprs:
        want = tcpdump_count(a.file, expr)
        got = ours_count(a.stratoshark, a.file, expr)
        status = "same" if want == got else "DIFFERENT"
        bad += want != got
        print(f"{status}: {expr}: tcpdump {want}, stratoshark {got}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
