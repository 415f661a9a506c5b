#!/usr/bin/env python3
"""Writes Ethernet captures again with other link-layer headers.

  relink.py OUTDIR SOURCE.pcap...

The shared corpus has few captures of some link types (one raw IPv4 packet,
one raw IPv6 packet, no BSD loopback at all), so the differential test also
replays the same traffic framed each other way libpcap users meet. Every
packet of the SOURCE files (classic pcap, either byte order, micro- or
nanosecond) loses its Ethernet header and gets, in one output file per link
type:

  null-le.pcap, null-be.pcap  LINKTYPE_NULL (0): the address family in the
                              writer's byte order (2 for IPv4; IPv6 cycles
                              through the BSDs' 24, 28 and 30 and Linux's 10,
                              which libpcap does not take for IPv6)
  loop.pcap                   LINKTYPE_LOOP (108): the family in network order
  raw.pcap                    LINKTYPE_RAW (101): IPv4 and IPv6 packets
  ipv4.pcap, ipv6.pcap        LINKTYPE_IPV4 (228) / LINKTYPE_IPV6 (229): only that IP
  sll.pcap, sll2.pcap         LINKTYPE_LINUX_SLL (113) / LINUX_SLL2 (276): the
                              EtherType kept (ARP, VLAN tags and all), packet
                              type cycling through 0-4, SLL2's interface index 1-3

Packets without an IP header go only where the link type can say so (the
cooked captures; NULL and LOOP give them family 7). The captured length
shrinks or grows with the header; a packet cut inside its Ethernet header is
left out. Deterministic: same input, same files.
"""
import os
import struct
import sys

ETH_IPV4, ETH_IPV6, ETH_VLAN = 0x0800, 0x86DD, 0x8100
INET6_FAMILIES = [24, 28, 30, 10]


def read_pcap(path):
    """Yields (seconds, fraction, nanosecond, wire_length, bytes) of every packet."""
    with open(path, "rb") as f:
        data = f.read()
    magic = data[:4]
    formats = {b"\xd4\xc3\xb2\xa1": ("<", False), b"\xa1\xb2\xc3\xd4": (">", False),
               b"\x4d\x3c\xb2\xa1": ("<", True), b"\xa1\xb2\x3c\x4d": (">", True)}
    if magic not in formats:
        raise SystemExit(f"{path}: not a classic pcap file")
    order, nano = formats[magic]
    link = struct.unpack(order + "I", data[20:24])[0] & 0x03FFFFFF  # the upper bits tell FCS lengths
    if link != 1:
        raise SystemExit(f"{path}: link type {link}, not Ethernet")
    at = 24
    while at + 16 <= len(data):
        sec, frac, caplen, wire = struct.unpack(order + "IIII", data[at:at + 16])
        at += 16
        yield sec, frac, nano, wire, data[at:at + caplen]
        at += caplen


class Writer:
    def __init__(self, path, link, order="<"):
        self.f = open(path, "wb")
        self.order = order
        self.f.write(struct.pack(order + "IHHiIII", 0xA1B23C4D, 2, 4, 0, 0, 262144, link))

    def write(self, sec, frac, nano, wire, frame):
        ns = frac if nano else frac * 1000
        self.f.write(struct.pack(self.order + "IIII", sec, ns, len(frame), max(wire, len(frame))) + frame)

    def close(self):
        self.f.close()


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    w = {
        "null-le": Writer(os.path.join(out, "null-le.pcap"), 0, "<"),
        "null-be": Writer(os.path.join(out, "null-be.pcap"), 0, ">"),
        "loop": Writer(os.path.join(out, "loop.pcap"), 108),
        "raw": Writer(os.path.join(out, "raw.pcap"), 101),
        "ipv4": Writer(os.path.join(out, "ipv4.pcap"), 228),
        "ipv6": Writer(os.path.join(out, "ipv6.pcap"), 229),
        "sll": Writer(os.path.join(out, "sll.pcap"), 113),
        "sll2": Writer(os.path.join(out, "sll2.pcap"), 276),
    }
    n = 0
    for source in sys.argv[2:]:
        for sec, frac, nano, wire, frame in read_pcap(source):
            n += 1
            if len(frame) < 14:
                continue
            ethertype = struct.unpack(">H", frame[12:14])[0]
            payload = frame[14:]
            pay_wire = max(wire - 14, len(payload))
            ts = (sec, frac, nano)
            pkttype = n % 5
            src_mac = frame[6:12]
            sll = struct.pack(">HHH", pkttype, 1, 6) + src_mac + b"\0\0" + struct.pack(">H", ethertype)
            w["sll"].write(*ts, pay_wire + 16, sll + payload)
            sll2 = struct.pack(">HHIHBB", ethertype, 0, 1 + n % 3, 1, pkttype, 6) + src_mac + b"\0\0"
            w["sll2"].write(*ts, pay_wire + 20, sll2 + payload)
            if ethertype == ETH_IPV4:
                family = 2
            elif ethertype == ETH_IPV6:
                family = INET6_FAMILIES[n % len(INET6_FAMILIES)]
            else:
                family = 7
            w["null-le"].write(*ts, pay_wire + 4, struct.pack("<I", family) + payload)
            w["null-be"].write(*ts, pay_wire + 4, struct.pack(">I", family) + payload)
            w["loop"].write(*ts, pay_wire + 4, struct.pack(">I", family) + payload)
            if ethertype in (ETH_IPV4, ETH_IPV6):
                w["raw"].write(*ts, pay_wire, payload)
                w["ipv4" if ethertype == ETH_IPV4 else "ipv6"].write(*ts, pay_wire, payload)
    for writer in w.values():
        writer.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
