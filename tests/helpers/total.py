#!/usr/bin/env python3
"""Checks a total in a tool's output where the exact value depends on the
machine (other processes' events): reads the output on stdin, prints it
through, then one line `total N`, and fails unless MIN <= N <= MAX.

  total.py hist MAP MIN MAX     N = the counts of every bucket of the histograms of @MAP
  total.py lines REGEX MIN MAX  N = the sum of REGEX's first group over all lines
"""
import re
import sys

BUCKET = re.compile(r"[\[(][^\])]*[\])]\s+(\d+) \|")
MAP_HEADER = re.compile(r"@(\w*)(\[.*\])?: ?$")


def hist_total(text, name):
    total, inside = 0, False
    for line in text.splitlines():
        header = MAP_HEADER.match(line)
        if header:
            inside = header.group(1) == name
            continue
        bucket = BUCKET.match(line)
        if bucket and inside:
            total += int(bucket.group(1))
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
