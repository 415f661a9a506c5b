#!/usr/bin/env python3
"""expect_exit.py CODE CMD...: runs CMD, passes its output through, and fails
unless it exits with exactly CODE (documented in docs/cli.md#exit-codes)."""
import subprocess
import sys

code, cmd = int(sys.argv[1]), sys.argv[2:]
r = subprocess.run(cmd)
if r.returncode != code:
    print(f"expect_exit: {cmd[0]} exited {r.returncode}, expected {code}", file=sys.stderr)
    sys.exit(1)
