#!/usr/bin/env python3
"""Differential test of the dissectors against tshark, field by field.

For every capture under the given roots, runs
  tshark -r FILE -T fields -e F1 -e F2 ...   (reassembly, defragmentation and
                                              relative sequence numbers off)
and our `ss_pcap_dissect fields -e F1 -e F2 ... FILE`, and compares the
values packet by packet. A packet passes when every field agrees. Prints one
line per disagreement (file, packet, field, both values), then
'N passed, N failed' over packets, and exits 1 on any disagreement.

Captures that libpcap cannot open (pcapng files whose interfaces differ in
link type or snap length, libpcap 1.10's limit) or that tshark cannot read
are listed and counted, not compared. Deliberate differences are written
down below (TSHARK_DISABLED, EXCLUSIONS) with the reason, and printed.
"""
import argparse
import concurrent.futures
import os
import subprocess
import sys

FIELDS = [
    "eth.src", "eth.dst", "eth.type", "vlan.id", "ieee8021ad.id",
    "arp.opcode", "arp.src.proto_ipv4", "arp.dst.proto_ipv4",
    "ip.src", "ip.dst", "ip.proto", "ip.ttl", "ip.id", "ip.frag_offset", "ip.flags.mf",
    "ipv6.src", "ipv6.dst", "ipv6.nxt", "ipv6.hlim", "ipv6.fraghdr.offset", "ipv6.fraghdr.ident",
    "icmp.type", "icmp.code", "icmpv6.type", "icmpv6.code",
    "tcp.srcport", "tcp.dstport", "tcp.flags", "tcp.seq", "tcp.ack", "tcp.window_size_value",
    "udp.srcport", "udp.dstport", "udp.length",
    "dns.id", "dns.flags.response", "dns.qry.name", "dns.qry.type", "dns.a", "dns.aaaa", "dns.cname",
    "dns.count.answers",
    "http.request.method", "http.request.uri", "http.host", "http.response.code",
    "tls.handshake.type", "tls.handshake.version", "tls.handshake.extensions_server_name",
]

TSHARK_PREFS = [
    "-o", "tcp.desegment_tcp_streams:FALSE",
    "-o", "tcp.relative_sequence_numbers:FALSE",
    "-o", "tcp.analyze_sequence_numbers:FALSE",
    "-o", "ip.defragment:FALSE",
    "-o", "ipv6.defragment:FALSE",
    "-o", "tls.desegment_ssl_records:FALSE",
    "-o", "tls.desegment_ssl_application_data:FALSE",
    "-o", "http.desegment_headers:FALSE",
    "-o", "http.desegment_body:FALSE",
    "-o", "dns.desegment_dns_messages:FALSE",
]

# Deliberate differences, applied to every capture:
# - IPComp (RFC 3173) payloads: tshark inflates them and dissects the packet
#   inside; we show them as data (no decompression in the dissectors).
# - Protocols we do not dissect, behind which tshark finds IP: the ARCNET and
#   PPI link types, and Cisco MetaData (EtherType 0x8909, in GRE).
TSHARK_DISABLED = ["ipcomp", "arcnet", "ppi", "cmd"]

# Deliberate differences in single packets: (capture, packet, field, ours,
# tshark's, why). Each must still hold exactly, so a change on either side
# shows up as a failure.
CUT = ("header cut short or invalid: tshark stops at its first check of the header and shows none of "
       "the fields after it; we show every field that was captured")
SPLIT = ("TLS record continued in the next segment: tshark (no reassembly) leaves it undissected; we read "
         "the handshake messages it begins with")
EXCLUSIONS = [
    ("arp-oobr.pcap", 170, "arp.src.proto_ipv4", "0.0.0.0", "", CUT),
    ("arp-oobr.pcap", 1166, "arp.opcode", "1", "", CUT + " (ATM ARP)"),
    ("arp-oobr.pcap", 1891, "arp.src.proto_ipv4", "168.1.1.0", "", CUT),
    ("arp-oobr.pcap", 1925, "arp.src.proto_ipv4", "0.0.0.0", "", CUT),
    ("synth-filter-edge.pcap", 30, "tcp.seq", "1000", "", CUT),
    ("synth-filter-edge.pcap", 31, "eth.dst", "02:00:00:00:00:02", "", CUT),
    ("synth-filter-edge.pcap", 35, "tcp.ack", "0", "", CUT),
    ("synth-filter-edge.pcap", 37, "tls.handshake.type", "1", "", SPLIT),
    ("synth-filter-edge.pcap", 37, "tls.handshake.version", "0x0303", "", SPLIT),
    ("ssl-chrome.pcap", 6, "tls.handshake.type", "2,11", "2", SPLIT),
    ("tls__tls-early-alert.pcap", 6, "tls.handshake.type", "2,11", "2", SPLIT),
    ("ip6_frag_asan.pcap", 1, "ipv6.fraghdr.offset", "0", "", CUT),
    ("tcp_header_heapoverflow.pcap", 1, "tcp.seq", "808464432", "", CUT),
    ("tcp_header_heapoverflow.pcap", 1, "tcp.ack", "808464432", "", CUT),
    ("ipv6-hbh-routing0.pcap", 1, "dns.id", "0x5858", "", CUT),
]

CAPTURE_SUFFIXES = (".pcap", ".pcapng", ".cap")


def captures(roots):
    out = []
    for root in roots:
        if os.path.isfile(root):
            out.append(root)
            continue
        for d, _, files in os.walk(root):
            out += [os.path.join(d, f) for f in files if f.endswith(CAPTURE_SUFFIXES)]
    return sorted(out)


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, errors="replace")
    return p.returncode, p.stdout, p.stderr


def rows(text):
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.split("\t") for line in lines]


def compare_file(path, driver, fields):
    args = [a for f in fields for a in ("-e", f)]
    rc_ours, ours, err_ours = run([driver, "fields"] + args + [path])
    disabled = [a for p in TSHARK_DISABLED for a in ("--disable-protocol", p)]
    # Custom blocks of pcapng files are records to tshark, not packets: an
    # extra first column (their enterprise number) drops them. (A display
    # filter would not do: with one, tshark builds its whole tree and some of
    # its dissectors then go deeper than `-T fields` alone.)
    rc_ts, theirs, err_ts = run(["tshark", "-n", "-r", path, "-T", "fields"] + TSHARK_PREFS + disabled +
                                ["-e", "frame.cb_pen"] + args)
    theirs = "".join(line.split("\t", 1)[1] + "\n" for line in theirs.splitlines() if not line.startswith(tuple("0123456789")))
    return path, (rc_ours, ours, err_ours), (rc_ts, theirs, err_ts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--driver", required=True, help="ss_pcap_dissect")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--max-report", type=int, default=40)
    ap.add_argument("roots", nargs="+")
    a = ap.parse_args()
    fields = FIELDS
    passed = failed = 0
    not_ours = []
    not_tshark = []
    reported = 0
    excluded = {e[:5]: e[5] for e in EXCLUSIONS}
    used = set()
    files = captures(a.roots)
    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as pool:
        results = list(pool.map(lambda p: compare_file(p, a.driver, fields), files))
    for path, (rc_ours, ours, err_ours), (rc_ts, theirs, err_ts) in results:
        name = os.path.relpath(path)
        if rc_ours != 0:
            not_ours.append((name, err_ours.strip().splitlines()[-1] if err_ours.strip() else f"exit {rc_ours}"))
            continue
        if rc_ts != 0 and not theirs:
            not_tshark.append((name, err_ts.strip().splitlines()[-1] if err_ts.strip() else f"exit {rc_ts}"))
            continue
        ours_rows, their_rows = rows(ours), rows(theirs)
        if len(ours_rows) != len(their_rows):
            failed += max(len(ours_rows), len(their_rows))
            print(f"DIFFERENT {name}: {len(ours_rows)} packets here, {len(their_rows)} in tshark")
            continue
        for number, (mine, its) in enumerate(zip(ours_rows, their_rows), 1):
            mine += [""] * (len(fields) - len(mine))
            its += [""] * (len(fields) - len(its))
            bad = []
            for f, m, t in zip(fields, mine, its):
                if m == t:
                    continue
                key = (os.path.basename(path), number, f, m, t)
                if key in excluded:
                    used.add(key)
                    continue
                bad.append((f, m, t))
            if not bad:
                passed += 1
                continue
            failed += 1
            for f, m, t in bad:
                if reported < a.max_report:
                    print(f"DIFFERENT {name} packet {number} {f}: ours '{m}', tshark '{t}'")
                reported += 1
    for name, why in not_ours:
        print(f"not compared (libpcap cannot read it): {name}: {why}")
    for name, why in not_tshark:
        print(f"not compared (tshark cannot read it): {name}: {why}")
    for key, why in excluded.items():
        if key in used:
            print(f"excluded: {key[0]} packet {key[1]} {key[2]}: ours '{key[3]}', tshark '{key[4]}': {why}")
        else:
            # A listed difference that no longer shows: the list must be kept exact.
            failed += 1
            print(f"STALE EXCLUSION {key[0]} packet {key[1]} {key[2]}: ours '{key[3]}', tshark '{key[4]}'")
    if reported > a.max_report:
        print(f"... {reported - a.max_report} more differences")
    print(f"{len(files)} captures, {len(files) - len(not_ours) - len(not_tshark)} compared, {len(fields)} fields")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
