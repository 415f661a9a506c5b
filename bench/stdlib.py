#!/usr/bin/env python3
"""The stdlib tools next to bpftrace 0.17's: size and speed of the BPF
programs, per event, under one controlled workload.

  python3 bench/stdlib.py BUILD_DIR [--only TOOL,...] [--repeat N]

For each tool both programs run at the same time, attached to the same
events: stratoshark's stdlib script, and bpftrace running its own tool from
/usr/sbin (bpftrace-tools) or, where bpftrace's tool is built on kprobes,
which this kernel lacks, our script itself (the stdlib is written in the
syntax both accept). Once both are attached, kernel.bpf_stats_enabled is 1
and the tool's workload runs; then, per attach point (`bpftool perf show`
says which program of which process sits on which tracepoint, uprobe or perf
event), the table shows each program's translated instructions
(bytes_xlated / 8, as `bpftool prog show` counts them) and its mean run time
per event (run_time_ns / run_cnt over the workload; the median of --runs
runs, which alternate: ours, bpftrace, bpftrace, ours, ...). Prints Markdown.

The programs of stratoshark are loaded under the lock the lit tests use
(/tmp/stratoshark-lit.lock), one tool at a time.
"""
import argparse
import fcntl
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from contextlib import contextmanager, nullcontext

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
HELPERS = os.path.join(ROOT, "tests", "helpers")
PID_MAX = int(open("/proc/sys/kernel/pid_max").read())


class Tool:
    def __init__(self, name, workload, bt=None, args=(), loop=None, note="", perf=()):
        self.name = name            # stdlib/NAME.ss
        self.workload = workload    # list of argv lists; {workload}, {helpers}, {dev}, {mnt} are filled in
        self.bt = bt                # bpftrace's script; None: ours under bpftrace
        self.args = list(args)      # positional parameters for both
        self.loop = loop            # None, "raw" or "ext4": run inside with_loop.py
        self.note = note
        self.perf = list(perf)      # names of the perf-event probes (profile, interval), in program order


def w(*steps):
    return ["{workload}", "ss_bench"] + list(steps)


# Tools bpftrace ships whose probes exist here, then the ones whose bpftrace
# version needs kprobes (bpftrace runs our script for those).
TOOLS = [
    Tool("opensnoop", [w("open:/etc/hostname*20000", "open:/nonexistent/x*5000")], bt="opensnoop.bt"),
    Tool("execsnoop", [["sh", "-c", "for i in $(seq 500); do /bin/true; done"]], bt="execsnoop.bt",
         note="bpftrace's prints at entry with join(args->argv); ours at return, with the result"),
    Tool("killsnoop", [w(f"kill:{PID_MAX}:0*20000")], bt="killsnoop.bt"),
    Tool("syscount", [w("getppid:100000")], bt="syscount.bt"),
    Tool("statsnoop", [w("stat:/etc*5000", "lstat:/etc/hostname*5000", "statx:/etc*5000", "statfs:/*5000",
                         "fstatat:/tmp*5000")], bt="statsnoop.bt",
         note="bpftrace's does not trace newfstatat, which glibc's stat() uses"),
    Tool("setuids", [w("setuid:0*10000", "setresuid:0*10000", "setfsuid:0*10000")], bt="setuids.bt"),
    Tool("syncsnoop", [w("fsync:/etc/hostname*5000", "fdatasync:/etc/hostname*5000")], bt="syncsnoop.bt",
         note="bpftrace's formats the time of day with time() in the program"),
    Tool("pidpersec", [w("fork:3000")], bt="pidpersec.bt", perf=["interval:s:1"]),
    Tool("cpuwalk", [w("cpu:0", "spin:1500"), w("cpu:1", "spin:1500")], bt="cpuwalk.bt", perf=["profile:hz:99"]),
    Tool("runqlat", [w("sleep:1*1000")],
         note="bpftrace's runqlat.bt does not compile here (its #include <linux/sched.h> needs kernel headers)"),
    Tool("bitesize", [w("dread:{dev}:5000:4096")], bt="bitesize.bt", loop="raw"),
    Tool("writeback", [w("write:{mnt}/f:8192", "syncfs:{mnt}")] * 5, bt="writeback.bt", loop="ext4"),
    Tool("bashreadline", [["python3", "{helpers}/bash_pty.py"] + [f"true {i}" for i in range(30)]],
         bt="bashreadline.bt"),
    Tool("gethostlatency", [w("resolve:localhost*3000")], bt="gethostlatency.bt"),
    Tool("naptime", [w("sleep:1*1000")], bt="naptime.bt",
         note="bpftrace's traces nanosleep() only; ours also clock_nanosleep(), which the workload does not call"),
    Tool("threadsnoop", [w("thread:5000")],
         note="bpftrace's threadsnoop.bt probes libpthread, which has no pthread_create since glibc 2.34"),
    Tool("biolatency", [w("dread:{dev}:5000:4096")], args=["{major}", "{minor}"], loop="raw"),
    Tool("biosnoop", [w("dread:{dev}:5000:4096")], args=["{major}", "{minor}"], loop="raw"),
    Tool("tcplife", [["python3", "{helpers}/tcp_session.py", "--netns", "ssstd_bench", "--port", "47310",
                      "--connections", "300"]]),
    Tool("tcpstates", [["python3", "{helpers}/tcp_session.py", "--netns", "ssstd_bench", "--port", "47310",
                        "--connections", "300"]]),
    Tool("tcpretrans", [["python3", "{helpers}/tcp_session.py", "--netns", "ssstd_bench", "--port", "47310",
                         "--retransmit"]]),
    Tool("capable", [w("setuid:0*10000")]),
    Tool("runqlen", [["sh", "-c", "{workload} ss_bench cpu:0 spin:1500 & {workload} ss_bench cpu:0 spin:1500 & wait"]],
         perf=["profile:hz:99"],
         note="bpftrace's runqlen.bt does not compile here (its own struct cfs_rq has nr_running, now nr_queued)"),
    Tool("biostacks", [w("dread:{dev}:5000:4096")], args=["{major}", "{minor}"], loop="raw"),
    Tool("vfsstat", [w("write:/tmp/ss_bench_vfsstat:20000", "open:/etc/hostname*20000")], perf=["interval:s:1"]),
    Tool("oomkill", [["sh", "{helpers}/oom_cgroup.sh", "ssstd_bench_oom", "32", "{workload}", "ss_bench",
                      "alloc:256"]]),
]


@contextmanager
def lit_lock():
    with open("/tmp/stratoshark-lit.lock", "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


@contextmanager
def bpf_stats():
    path = "/proc/sys/kernel/bpf_stats_enabled"
    before = open(path).read().strip()
    with open(path, "w") as f:
        f.write("1")
    try:
        yield
    finally:
        with open(path, "w") as f:
            f.write(before)


class Tracer:
    """A tracer process, started and waited for until it reports its probes
    attached ("Attaching N probes..." on stdout for bpftrace, stderr for us)."""

    def __init__(self, argv):
        self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     preexec_fn=os.setsid)
        self.attached = threading.Event()
        self.saw_attaching = False
        self.text = []
        for stream in (self.proc.stdout, self.proc.stderr):
            threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream):
        for raw in stream:
            line = raw.decode(errors="replace")
            self.text.append(line)
            if line.startswith("Attaching "):
                self.saw_attaching = True
                self.attached.set()
        self.attached.set()

    def wait_attached(self, timeout=90):
        if not self.attached.wait(timeout) or not self.saw_attaching or self.proc.poll() is not None:
            raise RuntimeError("did not attach:\n" + "".join(self.text[-20:]))

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


def perf_attachments():
    """(pid, attach point) -> prog_id, from bpftool perf show."""
    out = subprocess.run(["bpftool", "perf", "show", "-j"], capture_output=True, text=True, check=True).stdout
    found = {}
    for entry in json.loads(out or "[]"):
        kind = entry.get("fd_type", "")
        if "tracepoint" in entry:
            point = f"tracepoint {entry['tracepoint']}"
        elif "filename" in entry:
            point = f"{kind} {entry['filename']}+{entry.get('offset', 0):#x}"
        else:
            point = f"{kind} {entry.get('event', entry.get('config', ''))}"
        found[(entry["pid"], point)] = entry["prog_id"]
    return found


def programs_of(pid):
    """Ids of the BPF programs process PID holds, from /proc/PID/fdinfo."""
    ids = set()
    fdinfo = f"/proc/{pid}/fdinfo"
    for fd in os.listdir(fdinfo):
        try:
            text = open(os.path.join(fdinfo, fd)).read()
        except OSError:
            continue
        m = re.search(r"^prog_id:\s+(\d+)", text, re.M)
        if m:
            ids.add(int(m.group(1)))
    return ids


def program_stats():
    out = subprocess.run(["bpftool", "prog", "show", "-j"], capture_output=True, text=True, check=True).stdout
    return {p["id"]: p for p in json.loads(out or "[]")}


def symbol_names(path, cache={}):
    """file offset -> function name for a shared object or executable."""
    if path not in cache:
        names = {}
        out = subprocess.run(["readelf", "-W", "-l", "--dyn-syms", "-s", path], capture_output=True,
                             text=True).stdout
        loads = [(int(m.group(2), 16), int(m.group(1), 16), int(m.group(3), 16))
                 for m in re.finditer(r"LOAD\s+0x([0-9a-f]+) 0x([0-9a-f]+) \S+ \S+ 0x([0-9a-f]+)", out)]
        for m in re.finditer(r"^\s*\d+: ([0-9a-f]+)\s+\d+ FUNC\s+\S+\s+\S+\s+\S+ (\S+)", out, re.M):
            value, name = int(m.group(1), 16), m.group(2).split("@")[0]
            for vaddr, offset, size in loads:
                if vaddr <= value < vaddr + size:
                    names.setdefault(value - vaddr + offset, name)
        cache[path] = names
    return cache[path]


def describe(point):
    m = re.match(r"(uprobe|uretprobe) (\S+)\+(0x[0-9a-f]+)$", point)
    if m:
        name = symbol_names(m.group(2)).get(int(m.group(3), 16), m.group(3))
        return f"{m.group(1)}:{os.path.basename(m.group(2))}:{name}"
    return point.replace("tracepoint ", "tracepoint:", 1)


def fill(words, values):
    out = []
    for word in words:
        for key, value in values.items():
            word = word.replace("{" + key + "}", value)
        out.append(word)
    return out


def loop_device(kind, workdir):
    """Attaches a loop device (with ext4 mounted for kind "ext4"); returns
    (values, cleanup)."""
    image = os.path.join(workdir, "disk.img")
    with open(image, "wb") as f:
        f.truncate(64 << 20)
    dev = subprocess.run(["losetup", "--find", "--show", image], check=True, capture_output=True,
                         text=True).stdout.strip()
    mnt = os.path.join(workdir, "mnt")
    if kind == "ext4":
        subprocess.run(["mkfs.ext4", "-q", "-F", dev], check=True)
        os.mkdir(mnt)
        subprocess.run(["mount", dev, mnt], check=True)
    rdev = os.stat(dev).st_rdev

    def cleanup():
        if kind == "ext4":
            subprocess.run(["umount", mnt], check=False)
        subprocess.run(["losetup", "--detach", dev], check=False)

    return {"dev": dev, "mnt": mnt, "major": str(os.major(rdev)), "minor": str(os.minor(rdev))}, cleanup


def run_alone(argv, tool, values, locked):
    """Runs one tracer with the tool's workload; returns
    {attach point: (instructions, events, run time ns)} for its programs."""
    tracer = None
    try:
        with lit_lock() if locked else nullcontext():
            tracer = Tracer(argv)
            tracer.wait_attached()
            time.sleep(0.3)
            with bpf_stats():
                pid = tracer.proc.pid
                attached = {point: prog for (p, point), prog in perf_attachments().items() if p == pid}
                # Software perf events (profile, interval) are not in `bpftool
                # perf show`: their programs are the perf_event programs the
                # process holds, in load order.
                stats = program_stats()
                perf_progs = sorted(i for i in programs_of(pid) if stats.get(i, {}).get("type") == "perf_event")
                attached.update(zip(tool.perf, perf_progs))
                before = program_stats()
                for argv_w in tool.workload:
                    subprocess.run(fill(argv_w, values), check=True, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
                after = program_stats()
            tracer.stop()
    finally:
        if tracer:
            tracer.stop()
    result = {}
    for point, prog_id in attached.items():
        # bpftrace's BEGIN and END are uprobes on its own executable.
        if point.startswith("uprobe /usr/bin/bpftrace") or prog_id not in after:
            continue
        a, b = after[prog_id], before.get(prog_id, {})
        result[describe(point)] = (a["bytes_xlated"] // 8, a.get("run_cnt", 0) - b.get("run_cnt", 0),
                                   a.get("run_time_ns", 0) - b.get("run_time_ns", 0))
    return result


def measure(tool, stratoshark, bpftrace, workload_bin, runs):
    """Each side alone under the same workload, RUNS times (ours, bpftrace,
    bpftrace, ours, ...). Per attach point and side: the instructions and,
    per run, (events, run time ns)."""
    values = {"workload": workload_bin, "helpers": HELPERS}
    workdir = f"/tmp/ssstd-bench-{tool.name}"
    shutil.rmtree(workdir, ignore_errors=True)
    os.makedirs(workdir)
    cleanup = None
    rows = {}
    try:
        if tool.loop:
            more, cleanup = loop_device(tool.loop, workdir)
            values.update(more)
        args = fill(tool.args, values)
        ours_script = os.path.join(ROOT, "stdlib", tool.name + ".ss")
        theirs_script = os.path.join("/usr/sbin", tool.bt) if tool.bt else ours_script
        sides = [("ours", [stratoshark, ours_script] + args, True), ("theirs", [bpftrace, theirs_script] + args, False)]
        # Alternating ABBA..., so that neither side always runs first.
        for i in range(runs):
            for side, argv, locked in (sides if i % 2 == 0 else sides[::-1]):
                for point, (insns, events, ns) in run_alone(argv, tool, values, locked).items():
                    _, samples = rows.setdefault(point, {}).get(side, (0, []))
                    rows[point][side] = (insns, samples + [(events, ns)])
    finally:
        if cleanup:
            cleanup()
        shutil.rmtree(workdir, ignore_errors=True)
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build", nargs="?", default="build")
    parser.add_argument("--only", default="")
    parser.add_argument("--runs", type=int, default=3, help="runs of each side per tool (default 3)")
    opts = parser.parse_args()
    stratoshark = os.path.abspath(os.path.join(opts.build, "cli", "stratoshark"))
    workload_bin = os.path.abspath(os.path.join(opts.build, "tests", "ss_workload"))
    bpftrace = shutil.which("bpftrace")
    if bpftrace is None:
        sys.exit("bpftrace is not installed (make bench-deps)")
    wanted = set(filter(None, opts.only.split(",")))
    version = subprocess.run([bpftrace, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"stratoshark: {stratoshark}; {version}; kernel {os.uname().release}\n")
    print("| tool | bpftrace runs | attach point | events | instructions: ours | bpftrace | ns/event: ours "
          "| bpftrace |")
    print("|---|---|---|---|---|---|---|---|")
    notes = []
    for tool in TOOLS:
        if wanted and tool.name not in wanted:
            continue
        try:
            rows = measure(tool, stratoshark, bpftrace, workload_bin, opts.runs)
        except (RuntimeError, subprocess.CalledProcessError) as e:
            print(f"| {tool.name} | failed: {str(e).splitlines()[0]} | | | | | | |")
            continue
        script = tool.bt or "our .ss"
        for point in sorted(rows):
            ours, theirs = rows[point].get("ours"), rows[point].get("theirs")
            # A program shared by several attach points counts all of them;
            # bpftrace has one program per attach point. Events: the median run's.
            events = int(statistics.median(e for e, _ in (theirs or ours)[1]))

            def ns(side):
                # The median over the runs: a run that shares the machine with
                # a burst of other work does not move it.
                per_run = [n / e for e, n in side[1] if e] if side else []
                return f"{statistics.median(per_run):.0f}" if per_run else "—"

            print(f"| {tool.name} | {script} | {point} | {events} | {ours[0] if ours else '—'} | "
                  f"{theirs[0] if theirs else '—'} | {ns(ours)} | {ns(theirs)} |", flush=True)
        if tool.note:
            notes.append(f"- {tool.name}: {tool.note}")
    if notes:
        print("\n" + "\n".join(notes))


if __name__ == "__main__":
    main()
