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
Exits 1 when a file fails or passes unexpectedly. %trace is
tests/lit/tools/trace_run.py, which also takes bpftrace's "Attaching"
line on stdout, without its check for programs left in the kernel (other
tools' programs may be loaded while the oracle runs outside the lock).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def substitutions(build, tool_path, path, tmp):
    tests = os.path.join(build, "tests")
    # bpftrace announces its probes before attaching them.
    settle = 0 if os.path.basename(tool_path) == "stratoshark" else 1.5
    runner = f"{sys.executable} {ROOT}/tests/lit/tools/trace_run.py --no-check-clean --settle {settle}"
    return [
        ("%stratoshark", tool_path),
        ("%trace", f"{runner} --stratoshark {tool_path}"),
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
