#!/usr/bin/env python3
"""Filter cost per packet: stratoshark's compiled capture filters against
hand-written C filters (bench/filters/*.c, clang-19 -O2), in XDP and tc.

  filter_cost.py BUILD_DIR [--repeat N] [--runs K]

For each of five filter expressions, stratoshark compiles
`xdp:lo /filter("EXPR")/ { }` (and the tc equivalent) to an object
(--dry-run --emit-elf); bench/filter_run runs each object's program with
BPF_PROG_TEST_RUN, N times (default 1e6) per test packet, K times (default
5, alternating ours and C, the median kept). The C filters count matches the same way (a per-CPU
counter), so both do the same work. Printed per filter and program type:
mean ns per packet over the test packets, ours / C, and the instruction
counts after the verifier (for tc: the direct program and its twin
subprogram, and the direct part alone) next to libpcap's (`tcpdump -d`,
classic BPF).
Every packet's answer is checked three ways (ours, C, tcpdump) first: a
benchmark of filters that disagree would mean nothing.
"""
import argparse
import json
import os
import statistics
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

FILTERS = [
    ("tcp_port_80", "tcp port 80"),
    ("host_and_port", "host 10.0.0.1 and tcp dst port 443"),
    ("udp_dns", "udp and (port 53 or port 5353)"),
    ("ip6_tcp", "ip6 and tcp"),
    ("tcp_syn", "tcp[tcpflags] & (tcp-syn|tcp-ack) == tcp-syn"),
]


def ether(proto):
    return bytes.fromhex("020000000001020000000002") + struct.pack("!H", proto)


def ipv4(src, dst, proto, payload):
    # No checksum: filters do not look at it (neither does tcpdump).
    return struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), 1, 0, 64, proto, 0, bytes(src), bytes(dst)) + payload


def ipv6(src, dst, proto, payload):
    return struct.pack("!IHBB", 6 << 28, len(payload), proto, 64) + bytes(src) + bytes(dst) + payload


def tcp(sport, dport, flags):
    return struct.pack("!HHIIBBHHH", sport, dport, 1, 0, 5 << 4, flags, 65535, 0, 0)


def udp(sport, dport, payload):
    return struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload


V4A, V4B = [10, 0, 0, 1], [10, 0, 0, 2]
V6A, V6B = [0xfd] + [0] * 14 + [1], [0xfd] + [0] * 14 + [2]
PACKETS = [
    ("IPv4 TCP SYN to 10.0.0.1:443", ether(0x0800) + ipv4(V4B, V4A, 6, tcp(40000, 443, 0x02))),
    ("IPv4 TCP ACK from port 80", ether(0x0800) + ipv4(V4A, V4B, 6, tcp(80, 40000, 0x10))),
    ("IPv4 UDP mDNS", ether(0x0800) + ipv4(V4B, [224, 0, 0, 251], 17, udp(5353, 5353, b"\0" * 12))),
    ("IPv6 TCP SYN to port 80", ether(0x86DD) + ipv6(V6B, V6A, 6, tcp(40000, 80, 0x02))),
    ("ARP request", ether(0x0806) + bytes.fromhex("0001080006040001020000000002") + bytes(V4B) + bytes(6) + bytes(V4A)),
]


def pcap(path, packets):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for p in packets:
            f.write(struct.pack("<IIII", 0, 0, len(p), len(p)) + p)


def run(cmd, quiet=False):
    return subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True,
                          stderr=subprocess.DEVNULL if quiet else None).stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build")
    parser.add_argument("--repeat", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    opts = parser.parse_args()
    stratoshark = os.path.join(opts.build, "cli", "stratoshark")
    out = os.path.join(opts.build, "bench")
    os.makedirs(out, exist_ok=True)
    runner = os.path.join(out, "filter_run")
    run(["clang-19", "-O2", "-Wall", "-o", runner, os.path.join(HERE, "filter_run.c"), "-lbpf"])
    hexes = [p.hex() for _, p in PACKETS]
    tmp = tempfile.mkdtemp(prefix="ss-filter-cost-")
    empty = os.path.join(tmp, "empty.pcap")
    pcap(empty, [])

    rows = []
    failures = 0
    for name, expr in FILTERS:
        c_object = os.path.join(out, f"{name}.o")
        run(["clang-19", "-O2", "-g", "-target", "bpf", "-I/usr/include/x86_64-linux-gnu",
             "-c", os.path.join(HERE, "filters", f"{name}.c"), "-o", c_object])
        libpcap_insns = len(run(["tcpdump", "-r", empty, "-d", expr], quiet=True).splitlines())
        tcpdump_says = []
        for i, (_, p) in enumerate(PACKETS):
            one = os.path.join(tmp, f"p{i}.pcap")
            pcap(one, [p])
            tcpdump_says.append(bool(run(["tcpdump", "-nr", one, expr], quiet=True).strip()))
        for kind, probe in (("xdp", "xdp:lo"), ("tc", "tc:lo:ingress")):
            ours_object = os.path.join(out, f"{name}.{kind}.ours.o")
            program = f'{probe} /filter("{expr}")/ {{ }}'
            run([stratoshark, "--dry-run", "--emit-elf", ours_object, "-e", program], quiet=True)
            # The direct program's own size (a live tc probe also carries its twin subprogram).
            listing = run([stratoshark, "-d", "asm", "-e", program], quiet=True)
            direct = next(int(line.split(": ")[1].split()[0]) for line in listing.splitlines()
                          if f"(section {'xdp' if kind == 'xdp' else 'tc'})" in line)
            # Ours and C alternate, so that what else runs on the machine weighs on both alike.
            samples = {"ours": [], "c": []}
            for _ in range(opts.runs):
                for who, obj in (("ours", ours_object), ("c", c_object)):
                    samples[who].append(json.loads(run([runner, obj, kind, str(opts.repeat)] + hexes)))
            results = {}
            for who, runs in samples.items():
                ns = [statistics.median(s["packets"][i]["ns"] for s in runs) for i in range(len(PACKETS))]
                results[who] = {"ns": ns, "xlated": runs[0]["xlated"],
                                "matched": [p["matched"] for p in runs[0]["packets"]]}
            for i, (label, _) in enumerate(PACKETS):
                answers = (results["ours"]["matched"][i], results["c"]["matched"][i], tcpdump_says[i])
                if len(set(answers)) != 1:
                    failures += 1
                    print(f"DISAGREE {expr} [{kind}] on {label}: ours {answers[0]}, C {answers[1]}, tcpdump {answers[2]}")
            ours_ns = statistics.mean(results["ours"]["ns"])
            c_ns = statistics.mean(results["c"]["ns"])
            rows.append((expr, kind, ours_ns, c_ns, ours_ns / c_ns if c_ns else float("nan"),
                         results["ours"]["xlated"], direct, results["c"]["xlated"], libpcap_insns))

    print(f"\nfilter cost per packet: BPF_PROG_TEST_RUN, {opts.repeat} runs per packet, median of {opts.runs}, "
          f"mean over {len(PACKETS)} packets")
    print("| filter | type | ours ns | C ns | ours/C | ours insns (loaded) | of them direct | C insns | libpcap insns |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for expr, kind, ours_ns, c_ns, ratio, ours_insns, direct, c_insns, pcap_insns in rows:
        print(f"| `{expr}` | {kind} | {ours_ns:.1f} | {c_ns:.1f} | {ratio:.2f} | {ours_insns} | {direct} | {c_insns} "
              f"| {pcap_insns} |")
    worst = max(r[4] for r in rows)
    print(f"\nworst ratio {worst:.2f} (goal <= 1.2); answers checked against tcpdump: "
          f"{'all agree' if failures == 0 else f'{failures} disagreements'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
