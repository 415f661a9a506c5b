#!/usr/bin/env python3
"""Soundness of the complexity estimator, against the real kernel.

For every program given: runs `stratoshark --explain` (compile, estimate,
load into the kernel, attach nothing) and checks that
  * no program the estimator accepted is rejected by the kernel, and
  * the estimated instruction count is never below the count the kernel
    reports after loading (xlated) by more than 10%.
Prints one line per program and the worst ratio; exits 1 on a violation.
Options before the stratoshark path are passed to it: --flag=-kk.
"""
import re
import subprocess
import sys

LIMIT = 0.9


def main():
    args = sys.argv[1:]
    flags = [a[len("--flag="):] for a in args if a.startswith("--flag=")]
    args = [a for a in args if not a.startswith("--flag=")]
    stratoshark, programs = args[0], args[1:]
    worst = None
    failures = 0
    for path in programs:
        r = subprocess.run([stratoshark, "--explain"] + flags + [path], capture_output=True, text=True)
        if r.returncode == 1:
            print(f"{path}: rejected by the estimator or type checker (not a soundness question)")
            print(r.stderr, file=sys.stderr)
            failures += 1
            continue
        if r.returncode != 0:
            print(f"{path}: ACCEPTED BY THE ESTIMATOR, REJECTED BY THE KERNEL (exit {r.returncode})")
            print(r.stderr, file=sys.stderr)
            failures += 1
            continue
        for m in re.finditer(r"instructions +estimated (\d+), generated (\d+), loaded (\d+)", r.stdout):
            estimated, loaded = int(m.group(1)), int(m.group(3))
            ratio = estimated / loaded
            if worst is None or ratio < worst[0]:
                worst = (ratio, path)
            flag = "" if ratio >= LIMIT else "  BELOW THE 10% MARGIN"
            if flag:
                failures += 1
            print(f"{path}: estimated {estimated}, loaded {loaded}, ratio {ratio:.2f}{flag}")
    if worst:
        print(f"worst ratio {worst[0]:.2f} ({worst[1]})")
    print(f"{len(programs)} programs, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
