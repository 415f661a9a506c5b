#!/usr/bin/env python3
"""Runs the compatibility corpus under bpftrace (or stratoshark) outside lit,
with the same RUN and CHECK lines, to use bpftrace as an oracle for what the
programs print.

  python3 tests/compat/oracle.py BUILD_DIR [--tool bpftrace|stratoshark] [FILE.bt ...]

Each RUN line of a corpus file is run by bash after the substitutions lit
makes (%s, %stratoshark, %trace, %workload, ...), with %stratoshark and the
tracer %trace starts replaced by --tool. Prints one line per file: PASS,
FAIL (with the first lines of the failing command's output), SKIP (a file
whose RUN lines check something only stratoshark has, marked
`// ORACLE: skip REASON`), DIFF (a known difference in bpftrace's output,
marked `// ORACLE: differs REASON`) or XPASS (marked so, yet it passed).
Exits 1 when a file fails or passes unexpectedly.

  python3 tests/compat/oracle.py --trace TOOL [--workload CMD]... [--signal INT|NONE] -- ARGS...

is the %trace runner: like tests/lit/tools/trace_run.py, but it accepts the
"Attaching N probes..." line on stdout (bpftrace) as well as stderr.
"""
import argparse
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def trace(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("--trace", required=True)
    parser.add_argument("--workload", action="append", default=[])
    parser.add_argument("--signal", default="INT", choices=["INT", "TERM", "NONE"])
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("args", nargs=argparse.REMAINDER)
    opts = parser.parse_args(argv)
    args = opts.args[1:] if opts.args[:1] == ["--"] else opts.args
    proc = subprocess.Popen([opts.trace] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    attached = threading.Event()
    out, err = [], []

    def read(stream, sink):
        for raw in stream:
            line = raw.decode(errors="replace")
            sink.append(line)
            if line.startswith("Attaching "):
                attached.set()
        attached.set()

    threads = [threading.Thread(target=read, args=(s, k), daemon=True)
               for s, k in ((proc.stdout, out), (proc.stderr, err))]
    for t in threads:
        t.start()
    if not attached.wait(opts.timeout):
        proc.kill()
        print("oracle: the tracer did not attach in time", file=sys.stderr)
        return 125
    # bpftrace prints "Attaching N probes..." before it attaches them.
    if os.path.basename(opts.trace) == "bpftrace":
        time.sleep(1.5)
    if proc.poll() is None:
        for cmd in opts.workload:
            subprocess.run(shlex.split(cmd), check=True)
        if opts.signal != "NONE" and proc.poll() is None:
            time.sleep(0.2)
            proc.send_signal(signal.SIGINT if opts.signal == "INT" else signal.SIGTERM)
    # bpftrace 0.17 now and then misses a SIGINT: send it again.
    deadline = time.monotonic() + opts.timeout
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            proc.wait(2)
        except subprocess.TimeoutExpired:
            if opts.signal != "NONE":
                proc.send_signal(signal.SIGINT if opts.signal == "INT" else signal.SIGTERM)
    if proc.poll() is None:
        proc.kill()
        print("oracle: the tracer did not stop in time", file=sys.stderr)
        return 125
    for t in threads:
        t.join()
    sys.stdout.write("".join(out))
    sys.stderr.write("".join(err))
    return proc.returncode


def substitutions(build, tool_path, path, tmp):
    me = f"{sys.executable} {os.path.abspath(__file__)}"
    tests = os.path.join(build, "tests")
    return [
        ("%stratoshark", tool_path),
        ("%trace", f"{me} --trace {tool_path}"),
        ("%workload", os.path.join(tests, "ss_workload")),
        ("%read_sizes", os.path.join(tests, "ss_read_sizes")),
        ("%probe_target", os.path.join(tests, "ss_probe_target")),
        ("%openat_n", os.path.join(tests, "ss_openat_n")),
        ("%helpers", os.path.join(ROOT, "tests", "helpers")),
        ("%expect-exit", f"{sys.executable} {ROOT}/tests/lit/tools/expect_exit.py"),
        ("%check-clean", "true"),
        ("%python", sys.executable),
        ("%s", path),
        ("%t", tmp),
        ("FileCheck", "/usr/lib/llvm-19/bin/FileCheck"),
    ]


def run_file(path, build, tool_path):
    text = open(path).read()
    oracle = os.path.basename(tool_path) != "stratoshark"
    skip = re.search(r"^// ORACLE: skip (.*)$", text, re.M)
    if skip and oracle:
        return "SKIP", skip.group(1)
    differs = re.search(r"^// ORACLE: differs (.*)$", text, re.M) if oracle else None
    runs = re.findall(r"^// RUN: (.*)$", text, re.M)
    with tempfile.TemporaryDirectory(prefix="ss-oracle-") as tmp:
        for run in runs:
            command = run
            for key, value in substitutions(build, tool_path, path, os.path.join(tmp, "t")):
                command = command.replace(key, value)
            r = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True)
            if r.returncode != 0:
                if differs:
                    return "DIFF", differs.group(1)
                lines = (r.stdout + r.stderr).strip().splitlines()
                return "FAIL", "\n    ".join(lines[:12])
    # A known difference that no longer shows is worth a look.
    return ("XPASS", "marked as differing, but passed") if differs else ("PASS", "")


def main():
    if "--trace" in sys.argv[1:2]:
        return trace(sys.argv[1:])
    parser = argparse.ArgumentParser()
    parser.add_argument("build")
    parser.add_argument("--tool", default="bpftrace")
    parser.add_argument("files", nargs="*")
    opts = parser.parse_args()
    build = os.path.abspath(opts.build)
    tool_path = shutil.which(opts.tool) or os.path.join(build, "cli", "stratoshark")
    if opts.tool == "stratoshark":
        tool_path = os.path.join(build, "cli", "stratoshark")
    files = opts.files or sorted(os.path.join(HERE, f) for f in os.listdir(HERE) if f.endswith(".bt"))
    failed = 0
    for path in files:
        verdict, detail = run_file(path, build, tool_path)
        failed += verdict in ("FAIL", "XPASS")
        print(f"{verdict:4} {os.path.basename(path)}" + (f"\n    {detail}" if detail else ""), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
