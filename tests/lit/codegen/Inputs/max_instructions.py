#!/usr/bin/env python3
"""Fails when a program in `stratoshark -d asm` output (stdin) has more
generated instructions than its limit: max_instructions.py NAME=LIMIT ...
Prints one line per program checked, then "N programs within their limits"."""
import re
import sys

limits = dict(arg.split("=") for arg in sys.argv[1:])
sizes = {m.group(1): int(m.group(2))
         for m in re.finditer(r"^(ss_\w+) \(section [\w/]+\): (\d+) instructions", sys.stdin.read(), re.M)}
failed = False
for name, limit in limits.items():
    if name not in sizes:
        print(f"{name}: not in the output")
        failed = True
        continue
    verdict = "ok" if sizes[name] <= int(limit) else "LARGER"
    failed = failed or sizes[name] > int(limit)
    print(f"{name}: {sizes[name]} instructions (at most {limit}) {verdict}")
if failed:
    sys.exit(1)
print(f"{len(limits)} programs within their limits")
