#!/usr/bin/env python3
"""Opens N TCP connections over loopback (IPv4, or IPv6 with -6) and closes them.

  tcp_connect.py N [-6]
"""
import socket
import sys

count = int(sys.argv[1])
family = socket.AF_INET6 if "-6" in sys.argv else socket.AF_INET
host = "::1" if family == socket.AF_INET6 else "127.0.0.1"
server = socket.socket(family)
server.bind((host, 0))
server.listen(count)
for _ in range(count):
    client = socket.create_connection(server.getsockname()[:2])
    accepted, _ = server.accept()
    client.close()
    accepted.close()
server.close()
