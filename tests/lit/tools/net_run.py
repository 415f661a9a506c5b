#!/usr/bin/env python3
"""Runs stratoshark on a veth pair between two fresh network namespaces.

  net_run.py --stratoshark BIN [--ipv6] [--in A|root] [--wrap 'WORDS'] [--setup 'NS: CMD']...
             [--server 'NS: CMD'] [--traffic 'NS: CMD']... [--pause-during-traffic]
             [--after 'NS: CMD']... [--signal INT|TERM|KILL|NONE] [--timeout S] -- STRATOSHARK-ARGS...

Creates namespaces A and B (ssnet<pid>a, ssnet<pid>b) joined by a veth pair:
x in A (10.77.0.1/24, fd77::1/64, MAC 02:77:00:00:00:01) and y in B
(10.77.0.2/24, fd77::2/64, MAC 02:77:00:00:00:02), with static neighbour
entries, so no ARP or neighbour discovery runs; IPv6 is off unless --ipv6
(no router solicitations or MLD reports either). Nothing leaves the machine.

stratoshark runs inside A (`ip netns exec`), or in the root namespace with
--in root (the arguments then say --netns {A}); --wrap puts a command before
it (e.g. setpriv to drop a capability). Once it reports its probes
attached, the --server command starts (in the background), then each
--traffic command runs to completion; with --pause-during-traffic the reader
is stopped (SIGSTOP) while the traffic runs, so the kernel has to queue or
drop. Then stratoshark is stopped with the signal, unless it ended by itself,
and the --after commands run (before the namespaces go). Commands' output
comes first on stdout, then stratoshark's.

In every argument these are replaced: {A} {B} (namespaces), {X} {Y}
(interfaces), {IFX} {IFY} (their indexes), {IPA} {IPB} {IP6A} {IP6B} {MACX}
{MACY}, {TRAFFIC} (traffic.py), {PY} (python3), and in the commands that
run while it does, {PID} (stratoshark's process).

stratoshark's stdout and stderr are copied through and its exit code is
returned. The namespaces (and with them the veth pair and anything attached
to it) are deleted whatever happens, then the run checks that nothing of
ours is left in the kernel (exit 124 if something is).
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

PREFIX = "ssnet"


def sh(*cmd, check=True):
    return subprocess.run(list(cmd), check=check, capture_output=True, text=True)


class Pair:
    def __init__(self, ipv6):
        pid = os.getpid()
        self.names = {
            "A": f"{PREFIX}{pid}a", "B": f"{PREFIX}{pid}b", "X": f"{PREFIX}{pid}x", "Y": f"{PREFIX}{pid}y",
            "IPA": "10.77.0.1", "IPB": "10.77.0.2", "IP6A": "fd77::1", "IP6B": "fd77::2",
            "MACX": "02:77:00:00:00:01", "MACY": "02:77:00:00:00:02",
            "TRAFFIC": os.path.join(os.path.dirname(os.path.abspath(__file__)), "traffic.py"),
            "PY": sys.executable or "python3",
        }
        self.ipv6 = ipv6

    def create(self):
        n = self.names
        sh("ip", "netns", "add", n["A"])
        sh("ip", "netns", "add", n["B"])
        sh("ip", "link", "add", n["X"], "netns", n["A"], "address", n["MACX"], "type", "veth", "peer", "name", n["Y"],
           "netns", n["B"], "address", n["MACY"])
        for ns, dev, ip, ip6, peer_ip, peer_ip6, peer_mac in (
                (n["A"], n["X"], n["IPA"], n["IP6A"], n["IPB"], n["IP6B"], n["MACY"]),
                (n["B"], n["Y"], n["IPB"], n["IP6B"], n["IPA"], n["IP6A"], n["MACX"])):
            ipv6_off = "0" if self.ipv6 else "1"
            writes = "; ".join(f"echo {ipv6_off} > /proc/sys/net/ipv6/conf/{scope}/disable_ipv6"
                               for scope in ("all", "default", "lo", dev))
            sh("ip", "netns", "exec", ns, "sh", "-c", writes)
            sh("ip", "-n", ns, "addr", "add", f"{ip}/24", "dev", dev)
            sh("ip", "-n", ns, "neigh", "add", peer_ip, "lladdr", peer_mac, "dev", dev, "nud", "permanent")
            if self.ipv6:
                sh("ip", "-n", ns, "addr", "add", f"{ip6}/64", "dev", dev, "nodad")
                sh("ip", "-n", ns, "neigh", "add", peer_ip6, "lladdr", peer_mac, "dev", dev, "nud", "permanent")
            sh("ip", "-n", ns, "link", "set", "lo", "up")
            sh("ip", "-n", ns, "link", "set", dev, "up")
        n["IFX"] = sh("ip", "netns", "exec", n["A"], "cat", f"/sys/class/net/{n['X']}/ifindex").stdout.strip()
        n["IFY"] = sh("ip", "netns", "exec", n["B"], "cat", f"/sys/class/net/{n['Y']}/ifindex").stdout.strip()

    def delete(self):
        for ns in ("A", "B"):
            pids = sh("ip", "netns", "pids", self.names[ns], check=False).stdout.split()
            for pid in pids:
                try:
                    os.kill(int(pid), signal.SIGKILL)
                except (ProcessLookupError, ValueError):
                    pass
            sh("ip", "netns", "del", self.names[ns], check=False)

    def expand(self, text):
        for key, value in self.names.items():
            text = text.replace("{" + key + "}", value)
        return text

    def command(self, spec):
        """'A: cmd args' -> argv run inside namespace A (B likewise)."""
        side, _, cmd = spec.partition(":")
        side = side.strip()
        if side not in ("A", "B"):
            raise SystemExit(f"net_run: say which namespace runs '{spec}' (A: or B:)")
        return ["ip", "netns", "exec", self.names[side]] + shlex.split(self.expand(cmd))


def run(opts, args, pair):
    argv = shlex.split(opts.wrap) + [opts.stratoshark] + [pair.expand(a) for a in args]
    if opts.inside == "A":
        argv = ["ip", "netns", "exec", pair.names["A"]] + argv
    for spec in opts.setup:
        subprocess.run(pair.command(spec), check=True)
    run = AttachedRun(argv)
    proc = run.proc
    pair.names["PID"] = str(proc.pid)  # `ip netns exec` runs stratoshark in its own process
    server = None
    code = None
    try:
        if not run.attached.wait(opts.timeout):
            print("net_run: stratoshark did not attach in time", file=sys.stderr)
            code = 125
        elif proc.poll() is None:
            if opts.server:
                server = subprocess.Popen(pair.command(opts.server), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
                server.stdout.readline()  # "listening"
            if opts.pause_during_traffic:
                proc.send_signal(signal.SIGSTOP)
            for spec in opts.traffic:
                sys.stdout.flush()
                subprocess.run(pair.command(spec), check=True)
            if opts.pause_during_traffic:
                proc.send_signal(signal.SIGCONT)
            if opts.signal != "NONE" and proc.poll() is None:
                time.sleep(0.2)  # let the last events reach the reader
                proc.send_signal({"INT": signal.SIGINT, "TERM": signal.SIGTERM, "KILL": signal.SIGKILL}[opts.signal])
        if not run.wait(opts.timeout):
            print("net_run: stratoshark did not stop in time", file=sys.stderr)
            code = 125
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if server is not None:
            server.kill()
            server.wait()
    sys.stdout.flush()
    for spec in opts.after:
        subprocess.run(pair.command(spec), check=False)
    run.copy_output()
    return proc.returncode if code is None else code


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stratoshark", required=True)
    parser.add_argument("--ipv6", action="store_true")
    parser.add_argument("--in", dest="inside", default="A", choices=["A", "root"])
    parser.add_argument("--wrap", default="")
    parser.add_argument("--setup", action="append", default=[])
    parser.add_argument("--server")
    parser.add_argument("--traffic", action="append", default=[])
    parser.add_argument("--pause-during-traffic", action="store_true")
    parser.add_argument("--after", action="append", default=[])
    parser.add_argument("--signal", default="INT", choices=["INT", "TERM", "KILL", "NONE"])
    parser.add_argument("--timeout", type=float, default=20.0)
    parser.add_argument("args", nargs=argparse.REMAINDER)
    opts = parser.parse_args()
    args = opts.args[1:] if opts.args and opts.args[0] == "--" else opts.args
    pair = Pair(opts.ipv6)
    try:
        pair.create()
        code = run(opts, args, pair)
    finally:
        pair.delete()
    if check_clean.main() != 0:
        return 124
    return code


if __name__ == "__main__":
    sys.exit(main())
