#!/usr/bin/env python3
"""Reads `bpftool btf dump file ...` on stdin; prints the size of STRUCT and
the byte offset of its member FIELD: "SIZE OFFSET".

  btf_layout.py STRUCT FIELD
"""
import re
import sys

struct, field = sys.argv[1], sys.argv[2]
inside = False
size = None
found = None
lines = sys.stdin.read().splitlines()  # all of it: the writer must not see a closed pipe
for line in lines:
    if not inside:
        m = re.match(r"\[\d+\] STRUCT '%s' size=(\d+)" % re.escape(struct), line)
        if m:
            inside = True
            size = int(m.group(1))
        continue
    if not line.startswith("\t"):
        break
    m = re.match(r"\t'%s' type_id=\d+ bits_offset=(\d+)" % re.escape(field), line)
    if m:
        found = int(m.group(1)) // 8
        break
if found is None:
    sys.exit(1)
print(size, found)
