// Packet fields as map keys in a socket filter.
socket:lo /filter("tcp or udp")/ {
  @flows[ntop(ip.src), ntop(ip.dst), tcp.dport] = count();
  @bytes[pkt.ifindex] = sum(pkt.len);
}
