#!/usr/bin/env python3
"""Runs stratoshark against a workload the test controls.

  trace_run.py --stratoshark BIN [--workload CMD]... [--signal INT|TERM]
               [--timeout S] -- STRATOSHARK-ARGS...

Starts stratoshark, waits until it reports its probes attached ("Attaching N
probes..." on stderr), runs each workload command to completion, then stops
stratoshark with the signal (default INT, as Ctrl-C) unless it already exited
by itself. Copies its stdout and stderr through and exits with its exit code.
Afterwards it checks that nothing of ours is left in the kernel.
"""
import argparse
import os
import shlex
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_clean  # noqa: E402
from attached_run import AttachedRun  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stratoshark", required=True)
    parser.add_argument("--workload", action="append", default=[])
    parser.add_argument("--signal", default="INT", choices=["INT", "TERM", "NONE"])
    parser.add_argument("--timeout", type=float, default=20.0)
    parser.add_argument("args", nargs=argparse.REMAINDER)
    opts = parser.parse_args()
    args = opts.args[1:] if opts.args and opts.args[0] == "--" else opts.args

    run = AttachedRun([opts.stratoshark] + args)
    proc = run.proc
    if not run.attached.wait(opts.timeout):
        proc.kill()
        print("trace_run: stratoshark did not attach in time", file=sys.stderr)
        return 125
    if proc.poll() is None:
        for cmd in opts.workload:
            subprocess.run(shlex.split(cmd), check=True)
        if opts.signal != "NONE" and proc.poll() is None:
            # Let the last events reach the ring buffer reader first.
            time.sleep(0.1)
            proc.send_signal(signal.SIGINT if opts.signal == "INT" else signal.SIGTERM)
    if not run.wait(opts.timeout):
        print("trace_run: stratoshark did not stop in time", file=sys.stderr)
        return 125
    run.copy_output()
    if check_clean.main() != 0:
        return 124
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
