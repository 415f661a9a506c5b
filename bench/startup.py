#!/usr/bin/env python3
"""Start-up benchmark: stratoshark vs bpftrace on the same one-liners.

For each case both tools run back to back in one session:
  * wall time over repeated runs (hyperfine: mean and standard deviation);
    stratoshark twice: compiling every time (--no-cache) and reusing its
    compile cache (the default once a program has run),
  * peak resident memory (GNU time's maximum RSS, median of 5 runs),
and the table shows stratoshark / bpftrace ratios. Prints Markdown.
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

CASES = [
    ("BEGIN { exit(); }", "start to exit, empty program"),
    ("tracepoint:syscalls:sys_enter_openat { @[comm] = count(); } BEGIN { exit(); }",
     "start to exit: tracepoint count compiled and loaded"),
    ("tracepoint:syscalls:sys_enter_openat { @[comm] = count(); } interval:ms:1 { exit(); }",
     "start to exit: attached, first 1 ms tick, detached"),
]
# Time until the probes are attached, seen from outside: the first line an
# interval probe prints (it can only fire once attached).
ATTACHED = ("tracepoint:syscalls:sys_enter_openat { @[comm] = count(); } "
            "interval:ms:1 { printf(\"attached\\n\"); exit(); }")
RUNS = 30
RSS_RUNS = 5


def hyperfine(commands):
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run(["hyperfine", "--warmup", "3", "--runs", str(RUNS), "--style", "none", "-N",
                        "--export-json", out.name] + commands,
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return [(r["mean"], r["stddev"]) for r in json.load(open(out.name))["results"]]


def time_to_first_line(argv):
    samples = []
    for i in range(RUNS + 3):
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        # bpftrace prints "Attaching N probes..." on stdout first.
        line = b""
        while line and b"attached" not in line or not line:
            line = proc.stdout.readline()
            if not line:
                sys.exit(f"{argv[0]} ended without printing 'attached'")
        elapsed = time.perf_counter() - start
        proc.stdout.read()
        proc.wait()
        if i >= 3:  # warm-up runs
            samples.append(elapsed)
    return statistics.mean(samples), statistics.stdev(samples)


def peak_rss_kb(argv):
    samples = []
    for _ in range(RSS_RUNS):
        r = subprocess.run(["/usr/bin/time", "-f", "%M"] + argv, capture_output=True, text=True)
        samples.append(int(r.stderr.strip().splitlines()[-1]))
    return statistics.median(samples)


def fmt_time(mean_sd):
    return f"{mean_sd[0]*1000:.1f} ± {mean_sd[1]*1000:.1f} ms"


def main():
    stratoshark = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/cli/stratoshark")
    bpftrace = shutil.which("bpftrace")
    if bpftrace is None:
        sys.exit("bpftrace is not installed (make bench-deps)")
    # The compile cache in a directory of its own: "compiled" runs pass
    # --no-cache; "cached" runs reuse what the warm-up runs stored.
    cache = tempfile.mkdtemp(prefix="ss-bench-cache-")
    os.environ["STRATOSHARK_CACHE_DIR"] = cache
    version = subprocess.run([bpftrace, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"stratoshark: {stratoshark}\n{version}, {RUNS} runs each (hyperfine -N), RSS median of {RSS_RUNS}\n")
    print("| program | what is timed | bpftrace | stratoshark compiled | ratio | stratoshark cached | ratio "
          "| bpftrace RSS | stratoshark RSS | RSS ratio |")
    print("|---|---|---|---|---|---|---|---|---|---|")

    def row(program, what, b, cold, warm):
        b_rss = peak_rss_kb([bpftrace, "-e", program])
        s_rss = peak_rss_kb([stratoshark, "--no-cache", "-e", program])
        print(f"| `{program}` | {what} | {fmt_time(b)} | {fmt_time(cold)} | {cold[0]/b[0]:.3f} | {fmt_time(warm)}"
              f" | {warm[0]/b[0]:.3f} | {b_rss/1024:.1f} MiB | {s_rss/1024:.1f} MiB | {s_rss/b_rss:.3f} |")

    for program, what in CASES:
        quoted = program.replace("'", "'\\''")
        b, cold, warm = hyperfine([f"{bpftrace} -e '{quoted}'", f"{stratoshark} --no-cache -e '{quoted}'",
                                   f"{stratoshark} -e '{quoted}'"])
        row(program, what, b, cold, warm)
    b = time_to_first_line([bpftrace, "-e", ATTACHED])
    cold = time_to_first_line([stratoshark, "--no-cache", "-e", ATTACHED])
    warm = time_to_first_line([stratoshark, "-e", ATTACHED])
    row(ATTACHED, "start to probes attached: the interval's first printf line arrives", b, cold, warm)
    shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
