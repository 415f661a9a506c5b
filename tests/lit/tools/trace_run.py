#!/usr/bin/env python3
"""Runs stratoshark against a workload the test controls.

  trace_run.py --stratoshark BIN [--workload CMD]... [--signal INT|TERM|NONE]
               [--timeout S] [--settle S] [--no-check-clean] -- STRATOSHARK-ARGS...

Starts stratoshark, waits until it reports its probes attached ("Attaching N
probes..." on stderr; on stdout for bpftrace, which tests/compat/oracle.py
runs through here too), waits --settle seconds more (bpftrace prints that
line before it attaches), runs each workload command to completion, then
stops stratoshark with the signal (default INT, as Ctrl-C; repeated every
2 s while it runs) unless it already exited by itself. Copies its stdout and
stderr through and exits with its exit code. Afterwards, unless
--no-check-clean, it checks that nothing of ours is left in the kernel.
"""
import argparse
import os
import shlex
import signal
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_clean  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stratoshark", required=True)
    parser.add_argument("--workload", action="append", default=[])
    parser.add_argument("--signal", default="INT", choices=["INT", "TERM", "NONE"])
    parser.add_argument("--timeout", type=float, default=20.0)
    parser.add_argument("--settle", type=float, default=0.0)
    parser.add_argument("--no-check-clean", action="store_true")
    parser.add_argument("args", nargs=argparse.REMAINDER)
    opts = parser.parse_args()
    args = opts.args[1:] if opts.args and opts.args[0] == "--" else opts.args

    proc = subprocess.Popen([opts.stratoshark] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    attached = threading.Event()
    stdout_lines, stderr_lines = [], []

    def read(stream, lines):
        for raw in stream:
            line = raw.decode(errors="replace")
            lines.append(line)
            if line.startswith("Attaching "):
                attached.set()
        attached.set()

    readers = [threading.Thread(target=read, args=(stream, lines), daemon=True)
               for stream, lines in ((proc.stdout, stdout_lines), (proc.stderr, stderr_lines))]
    for reader in readers:
        reader.start()

    if not attached.wait(opts.timeout):
        proc.kill()
        print("trace_run: stratoshark did not attach in time", file=sys.stderr)
        return 125
    time.sleep(opts.settle)
    if proc.poll() is None:
        for cmd in opts.workload:
            subprocess.run(shlex.split(cmd), check=True)
        # Let the last events reach the ring buffer reader first.
        time.sleep(0.1)
    stop = signal.SIGINT if opts.signal == "INT" else signal.SIGTERM
    deadline = time.monotonic() + opts.timeout
    while proc.poll() is None and time.monotonic() < deadline:
        if opts.signal != "NONE":
            proc.send_signal(stop)
        try:
            proc.wait(2)
        except subprocess.TimeoutExpired:
            pass
    if proc.poll() is None:
        proc.kill()
        print("trace_run: stratoshark did not stop in time", file=sys.stderr)
        return 125
    for reader in readers:
        reader.join()
    sys.stdout.write("".join(stdout_lines))
    sys.stderr.write("".join(stderr_lines))
    sys.stdout.flush()
    if not opts.no_check_clean and check_clean.main() != 0:
        return 124
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
