#!/usr/bin/env python3
"""Prints the cgroup v2 directory of this process: the cgroup2 mount point
(from /proc/self/mountinfo) joined with the path in /proc/self/cgroup."""
import os

mount = None
with open("/proc/self/mountinfo") as f:
    for line in f:
        fields = line.split()
        sep = fields.index("-")
        if fields[sep + 1] == "cgroup2":
            mount = fields[4]
            break
path = "/"
with open("/proc/self/cgroup") as f:
    for line in f:
        if line.startswith("0::"):
            path = line[3:].strip()
print(os.path.normpath(mount + "/" + path))
