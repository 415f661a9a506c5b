// A tc program that captures matching packets and counts IPv6 traffic.
tc:lo:ingress /filter("tcp[tcpflags] & (tcp-syn|tcp-ack) == tcp-syn or ip6 protochain 17")/ {
  capture();
  if (ip6) { @v6 = count(); }
}
