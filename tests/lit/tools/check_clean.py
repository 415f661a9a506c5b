#!/usr/bin/env python3
"""Fails when a BPF program or map that stratoshark creates is still loaded.

Our programs are named ss_<probe>_<kind>, our maps m_<name>, ss_events and
ss_dropped. Kernel objects are freed asynchronously after the last file
descriptor closes, so this polls for up to two seconds before failing.
"""
import json
import os
import subprocess
import sys
import time


def known_leftovers():
    """SS_KNOWN_LEFTOVERS="map 60635,prog 123": objects a crashed or killed
    earlier run left, which only a reboot clears, so that they do not fail
    every test after them. Empty by default: everything of ours counts."""
    return {item.strip() for item in os.environ.get("SS_KNOWN_LEFTOVERS", "").split(",") if item.strip()}


def leftovers():
    found = []
    known = known_leftovers()
    for kind in ("prog", "map"):
        out = subprocess.run(["bpftool", "-j", kind, "show"], capture_output=True, text=True, check=True).stdout
        for obj in json.loads(out or "[]"):
            name = obj.get("name", "")
            if (name.startswith("ss_") or name.startswith("m_")) and f"{kind} {obj.get('id')}" not in known:
                found.append(f"{kind} {obj.get('id')} {name}")
    return found


def main():
    deadline = time.monotonic() + 2.0
    while True:
        left = leftovers()
        if not left:
            return 0
        if time.monotonic() > deadline:
            print("left in the kernel after the run:", *left, sep="\n  ", file=sys.stderr)
            return 1
        time.sleep(0.05)


if __name__ == "__main__":
    sys.exit(main())
