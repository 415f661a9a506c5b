#!/usr/bin/env python3
"""Dissect-and-print throughput: stratoshark's dissectors against tcpdump -n
and tshark on the same 200,000-packet capture, in the same run.

  bench/dissect.py BUILD_DIR [--packets N] [--runs R]

The capture is generated into /tmp from the Ethernet captures of
../shared/pcaps (HTTP, TLS, DNS, ARP, ICMP, IPv6, VLAN, tunnels), repeated
with increasing timestamps until it holds N packets. Each tool reads it and
writes its one-line-per-packet text to /dev/null:
  stratoshark:  BUILD/tests/dissect/ss_pcap_dissect summary FILE
                (the dissect + summary calls `stratoshark capture` makes per packet)
  tcpdump:      tcpdump -n -r FILE
  tshark:       tshark -n -r FILE   (one pass, no reassembly settings changed)
Reported: the best wall time of R runs (tshark: one run) and packets/s.
"""
import argparse
import os
import struct
import subprocess
import sys
import time

SOURCES = [
    "http-tls-v4v6.pcap",
    "corpus/tcpdump/dns_udp.pcap",
    "corpus/tcpdump/dns_tcp.pcap",
    "corpus/tcpdump/edns-opts.pcap",
    "corpus/tcpdump/802.1ad_QinQ.pcap",
    "corpus/tcpdump/ipv4_tcp_http_xml.pcap",
    "corpus/tcpdump/print-flags.pcap",
    "corpus/tcpdump/icmpv6.pcap",
    "corpus/tcpdump/mptcp-fclose.pcap",
    "corpus/tcpdump/geneve.pcap",
    "corpus/zeek/http__get.pcap",
    "corpus/ja3/ssl-chrome.pcap",
]


def read_pcap(path):
    """Records of a classic little-endian Ethernet pcap with microsecond timestamps."""
    with open(path, "rb") as f:
        data = f.read()
    magic, _, _, _, _, snap, link = struct.unpack_from("<IHHiIII", data, 0)
    if magic != 0xA1B2C3D4 or link != 1:
        return []
    out, at = [], 24
    while at + 16 <= len(data):
        sec, usec, incl, orig = struct.unpack_from("<IIII", data, at)
        out.append((sec * 1_000_000 + usec, orig, data[at + 16:at + 16 + incl]))
        at += 16 + incl
    return out


def make_capture(shared, path, count):
    records = []
    for name in SOURCES:
        records += read_pcap(os.path.join(shared, "pcaps", name))
    if not records:
        sys.exit("no source packets")
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, 1))
        t = 1_700_000_000 * 1_000_000
        for i in range(count):
            _, orig, data = records[i % len(records)]
            t += 37
            f.write(struct.pack("<IIII", t // 1_000_000, t % 1_000_000, len(data), orig))
            f.write(data)
    return len(records)


def timed(cmd, runs):
    best = None
    for _ in range(runs):
        start = time.perf_counter()
        with open(os.devnull, "w") as null:
            subprocess.run(cmd, stdout=null, stderr=subprocess.DEVNULL, check=True)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None or elapsed < best else best
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--packets", type=int, default=200_000)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.path.normpath(os.path.join(here, "..", "..", "shared"))
    capture = "/tmp/stratoshark-bench-dissect.pcap"
    distinct = make_capture(shared, capture, a.packets)
    size = os.path.getsize(capture)
    print(f"capture: {capture}, {a.packets} packets ({distinct} distinct, repeated), {size / 1e6:.1f} MB")
    driver = os.path.join(a.build, "tests", "dissect", "ss_pcap_dissect")
    tools = [
        ("stratoshark", [driver, "summary", capture], a.runs),
        ("tcpdump -n", ["tcpdump", "-n", "-r", capture], a.runs),
        ("tshark -n", ["tshark", "-n", "-r", capture], 1),
    ]
    print(f"{'tool':<14} {'seconds':>8} {'packets/s':>12}")
    results = {}
    for name, cmd, runs in tools:
        seconds = timed(cmd, runs)
        results[name] = a.packets / seconds
        print(f"{name:<14} {seconds:>8.3f} {a.packets / seconds:>12,.0f}")
    ratio = results["stratoshark"] / results["tcpdump -n"]
    print(f"stratoshark / tcpdump: {ratio:.2f}x (goal >= 1.0)")
    os.unlink(capture)


if __name__ == "__main__":
    main()
