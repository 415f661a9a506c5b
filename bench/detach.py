#!/usr/bin/env python3
"""Wildcard attach/detach: every syscall-entry tracepoint, 100 ms, exit.

Detaching the last BPF user of a tracepoint waits for RCU grace periods, so
tools that detach one link after another pay that once per tracepoint.
One run per tool (each takes seconds). Prints Markdown.
"""
import os
import shutil
import subprocess
import sys
import time

PROGRAM = "tracepoint:syscalls:sys_enter_* { @[probe] = count(); } interval:ms:100 { exit(); }"


def wall(argv):
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main():
    stratoshark = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/cli/stratoshark")
    bpftrace = shutil.which("bpftrace")
    count = len(subprocess.run([stratoshark, "-l", "tracepoint:syscalls:sys_enter_*"], capture_output=True,
                               text=True).stdout.split())
    s = wall([stratoshark, "-e", PROGRAM])
    b = wall([bpftrace, "-e", PROGRAM])
    print(f"\n| program ({count} tracepoints) | stratoshark | bpftrace | ratio |")
    print("|---|---|---|---|")
    print(f"| `{PROGRAM}` | {s:.1f} s | {b:.1f} s | {s/b:.2f} |")


if __name__ == "__main__":
    main()
