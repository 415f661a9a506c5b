#!/usr/bin/env python3
"""Known traffic for the live packet tests (tests/lit/net), from plain sockets.

  traffic.py udp DST PORT COUNT [--sport P] [--size N]   datagrams to DST:PORT (IPv4 or IPv6)
  traffic.py tcp DST PORT COUNT [--sport P]               COUNT connections, each sends "hello" and closes
  traffic.py tcp-server PORT                              accepts and reads connections until killed
  traffic.py vlan IFACE VID COUNT --dst-mac M --src-mac M --dst IP --src IP --port P [--sport P] [--outer VID]
                                                          802.1Q-tagged UDP frames written on IFACE (AF_PACKET);
                                                          --outer adds an 802.1ad outer tag (QinQ)

Every packet is fully determined by the arguments (ports, payload, sizes),
so the tests can check the exact lines and fields that come out.
"""
import argparse
import socket
import struct
import sys


def family(address):
    return socket.AF_INET6 if ":" in address else socket.AF_INET


def udp(args):
    s = socket.socket(family(args.dst), socket.SOCK_DGRAM)
    if args.sport:
        s.bind(("::" if family(args.dst) == socket.AF_INET6 else "0.0.0.0", args.sport))
    payload = b"x" * args.size
    for _ in range(args.count):
        s.sendto(payload, (args.dst, args.port))
    s.close()


def tcp(args):
    for i in range(args.count):
        s = socket.socket(family(args.dst), socket.SOCK_STREAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if args.sport:
            s.bind(("::" if family(args.dst) == socket.AF_INET6 else "0.0.0.0", args.sport + i))
        s.connect((args.dst, args.port))
        s.sendall(b"hello")
        s.shutdown(socket.SHUT_WR)
        while s.recv(4096):
            pass
        s.close()


def tcp_server(args):
    s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    s.bind(("::", args.port))
    s.listen(16)
    print("listening", flush=True)
    while True:
        c, _ = s.accept()
        while c.recv(4096):
            pass
        c.close()


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def vlan(args):
    payload = b"tagged"
    udp_header = struct.pack("!HHHH", args.sport, args.port, 8 + len(payload), 0)
    total = 20 + len(udp_header) + len(payload)
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, total, 1, 0, 64, 17, 0, socket.inet_aton(args.src),
                     socket.inet_aton(args.dst))
    ip = ip[:10] + struct.pack("!H", checksum(ip)) + ip[12:]
    tags = b""
    if args.outer is not None:
        tags += struct.pack("!HH", 0x88A8, args.outer)
    tags += struct.pack("!HH", 0x8100, args.vid)
    frame = (bytes.fromhex(args.dst_mac.replace(":", "")) + bytes.fromhex(args.src_mac.replace(":", "")) + tags
             + struct.pack("!H", 0x0800) + ip + udp_header + payload)
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((args.iface, 0))
    for _ in range(args.count):
        s.send(frame)
    s.close()


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("udp")
    p.add_argument("dst")
    p.add_argument("port", type=int)
    p.add_argument("count", type=int)
    p.add_argument("--sport", type=int, default=0)
    p.add_argument("--size", type=int, default=6)
    p = sub.add_parser("tcp")
    p.add_argument("dst")
    p.add_argument("port", type=int)
    p.add_argument("count", type=int)
    p.add_argument("--sport", type=int, default=0)
    p = sub.add_parser("tcp-server")
    p.add_argument("port", type=int)
    p = sub.add_parser("vlan")
    p.add_argument("iface")
    p.add_argument("vid", type=int)
    p.add_argument("count", type=int)
    p.add_argument("--dst-mac", required=True)
    p.add_argument("--src-mac", required=True)
    p.add_argument("--dst", required=True)
    p.add_argument("--src", required=True)
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--sport", type=int, default=40000)
    p.add_argument("--outer", type=int)
    args = parser.parse_args()
    {"udp": udp, "tcp": tcp, "tcp-server": tcp_server, "vlan": vlan}[args.what](args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
