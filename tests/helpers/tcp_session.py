#!/usr/bin/env python3
"""One TCP connection over loopback, inside a network namespace of its own
that is created for the run and always deleted afterwards.

  tcp_session.py --netns NAME --port PORT [--bytes N] [--retransmit] [--connections N] [--ipv6] [--refused]

A server listens on 127.0.0.1:PORT (::1 with --ipv6), a client connects from
the same address, port PORT+1
(bound, so both ports are known), sends N bytes (default 1000) that the
server reads, then the client closes first and the server after it; the
listener closes last. With --retransmit, once the connection is up, every
packet on lo is dropped (a blackhole qdisc) while the client sends, until
the kernel has retransmitted at least once (the client's socket reports it
in TCP_INFO); then lo works again and both sides close normally. With
--connections N (benchmarks) it makes N such connections one after the
other, the i-th from port PORT+1+i. With --refused, nothing listens: one
client connects to PORT from a port the kernel picks and is refused.
"""
import argparse
import os
import socket
import struct
import subprocess
import sys
import time


def family(opts):
    return (socket.AF_INET6, "::1") if opts.ipv6 else (socket.AF_INET, "127.0.0.1")


def inside(opts):
    af, address = family(opts)
    if opts.refused:
        client = socket.socket(af, socket.SOCK_STREAM)
        try:
            client.connect((address, opts.port))
        except ConnectionRefusedError:
            return 0
        print("tcp_session: the connection was not refused", file=sys.stderr)
        return 1
    server = socket.socket(af, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((address, opts.port))
    server.listen(1)
    for i in range(opts.connections):
        if session(opts, server, opts.port + 1 + i) != 0:
            return 1
    time.sleep(0.05)
    server.close()
    return 0


def session(opts, server, client_port):
    af, address = family(opts)
    client = socket.socket(af, socket.SOCK_STREAM)
    client.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    client.bind((address, client_port))
    client.connect((address, opts.port))
    conn, _ = server.accept()
    payload = b"x" * opts.bytes
    if opts.retransmit:
        subprocess.run(["tc", "qdisc", "add", "dev", "lo", "root", "blackhole"], check=True)
        try:
            client.sendall(payload)
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                info = client.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 104)
                # struct tcp_info: u8 state, ca_state, retransmits, probes, backoff, ...
                # then u32 fields; tcpi_total_retrans is the 26th u32 (offset 100).
                total_retrans = struct.unpack_from("I", info, 100)[0]
                if total_retrans >= 1:
                    break
                time.sleep(0.02)
            else:
                print("tcp_session: no retransmission within 5 s", file=sys.stderr)
                return 1
        finally:
            subprocess.run(["tc", "qdisc", "del", "dev", "lo", "root"], check=True)
    else:
        client.sendall(payload)
    got = 0
    conn.settimeout(10)
    while got < opts.bytes:
        chunk = conn.recv(65536)
        if not chunk:
            break
        got += len(chunk)
    if got != opts.bytes:
        print(f"tcp_session: server read {got} of {opts.bytes} bytes", file=sys.stderr)
        return 1
    client.close()
    # Wait for the client's FIN before closing, so the close order is fixed.
    if conn.recv(1) != b"":
        return 1
    conn.close()
    return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--netns", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--bytes", type=int, default=1000)
    parser.add_argument("--retransmit", action="store_true")
    parser.add_argument("--connections", type=int, default=1)
    parser.add_argument("--ipv6", action="store_true")
    parser.add_argument("--refused", action="store_true")
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    opts = parser.parse_args()
    if opts.inside:
        return inside(opts)
    subprocess.run(["ip", "netns", "add", opts.netns], check=True)
    try:
        subprocess.run(["ip", "-n", opts.netns, "link", "set", "lo", "up"], check=True)
        args = [sys.executable, os.path.abspath(__file__), "--inside", "--netns", opts.netns, "--port",
                str(opts.port), "--bytes", str(opts.bytes), "--connections", str(opts.connections)]
        if opts.retransmit:
            args.append("--retransmit")
        if opts.ipv6:
            args.append("--ipv6")
        if opts.refused:
            args.append("--refused")
        return subprocess.run(["ip", "netns", "exec", opts.netns] + args).returncode
    finally:
        subprocess.run(["ip", "netns", "delete", opts.netns], check=False)


if __name__ == "__main__":
    sys.exit(main())
