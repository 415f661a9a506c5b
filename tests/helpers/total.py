#!/usr/bin/env python3
"""Checks a total in a tool's output where the exact value depends on the
machine (other processes' events): reads the output on stdin, prints it
through, then one line `total N`, and fails unless MIN <= N <= MAX.

  total.py hist MAP MIN MAX     N = the counts of every bucket of the histograms of @MAP
                                (keys on one line, or stacks over several: `@MAP[` ... `]:`)
  total.py hist MAP:LOW MIN MAX N = the same, of the buckets that start at LOW or above
  total.py lines REGEX MIN MAX  N = the sum of REGEX's first group over all lines
"""
import re
import sys

BUCKET = re.compile(r"[\[(](-?\d+)?[^\])]*[\])]\s+(\d+) \|")
MAP_HEADER = re.compile(r"@(\w*)(\[.*\])?: ?$")
MULTILINE_KEY = re.compile(r"@(\w*)\[$")


def hist_total(text, what):
    name, _, low = what.partition(":")
    low = int(low) if low else None
    total, inside, pending = 0, False, None
    for line in text.splitlines():
        if pending is not None:
            if line.startswith("]:"):
                inside, pending = pending == name, None
            continue
        key = MULTILINE_KEY.match(line)
        if key:
            pending = key.group(1)
            continue
        header = MAP_HEADER.match(line)
        if header:
            inside = header.group(1) == name
            continue
        bucket = BUCKET.match(line)
        if bucket and inside:
            if low is None or (bucket.group(1) is not None and int(bucket.group(1)) >= low):
                total += int(bucket.group(2))
        elif not bucket:
            inside = False
    return total


def lines_total(text, pattern):
    regex = re.compile(pattern)
    return sum(int(m.group(1)) for m in map(regex.search, text.splitlines()) if m)


def main():
    mode, what, low, high = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    text = sys.stdin.read()
    sys.stdout.write(text)
    total = hist_total(text, what) if mode == "hist" else lines_total(text, what)
    print(f"total {total}")
    if not low <= total <= high:
        print(f"total.py: {mode} {what}: {total}, expected {low} to {high}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
