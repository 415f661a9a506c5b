#!/usr/bin/env python3
"""Fails when a BPF program or map that stratoshark creates is still loaded.

Our programs are named ss_<probe>_<kind>, our maps m_<name>, ss_events and
the like, stratoshark.bss (the dropped-events counter) and .data.ss_* (words
the runtime writes: elapsed's start, cpid). Kernel objects are freed asynchronously after the last file
descriptor closes, so this polls for up to two seconds before failing.

Objects that were already loaded when the suite started (listed in the file
$SS_KERNEL_BASELINE, written by lit.cfg.py, which warns about them) are not
this run's doing; on a fresh machine there are none.
"""
import json
import os
import subprocess
import sys
import time


def ours():
    """Every loaded program and map with one of our names, as 'kind id name'."""
    found = []
    for kind in ("prog", "map"):
        out = subprocess.run(["bpftool", "-j", kind, "show"], capture_output=True, text=True, check=True).stdout
        for obj in json.loads(out or "[]"):
            name = obj.get("name", "")
            if name.startswith("ss_") or name.startswith("m_") or name == "stratoshark.bss" or name.startswith(".data.ss_"):
                found.append(f"{kind} {obj.get('id')} {name}")
    return found


def baseline():
    path = os.environ.get("SS_KERNEL_BASELINE")
    if not path or not os.path.exists(path):
        return set()
    with open(path) as f:
        return set(json.load(f))


def leftovers():
    before = baseline()
    return [o for o in ours() if o not in before]


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
