#!/usr/bin/env stratoshark
// tcpretrans: every TCP retransmission: the addresses and ports of the
// connection (IPv4 or IPv6), its state, and the error the transmit returned
// (0: it was sent).
//
// Usage: stratoshark tcpretrans
//
// Retransmissions run from a timer or while handling a packet, so PID and
// COMM are whatever the CPU was running then, often not the socket's owner.
//
// Example (a real run: every packet of a loopback connection dropped for a
// moment, so the kernel resends its data; over IPv6):
//   Tracing TCP retransmits. Hit Ctrl-C to end.
//   TIME(ms)  PID     COMM             LADDR           LPORT RADDR           RPORT STATE       ERR
//   297       0       swapper/0        ::1             47311 ::1             47310 ESTABLISHED 0
//   505       0       swapper/0        ::1             47311 ::1             47310 ESTABLISHED 0
BEGIN
{
  printf("Tracing TCP retransmits. Hit Ctrl-C to end.\n");
  printf("%-9s %-7s %-16s %-15s %-5s %-15s %-5s %-11s %s\n", "TIME(ms)", "PID", "COMM", "LADDR", "LPORT", "RADDR",
         "RPORT", "STATE", "ERR");
  @tcp_states[1] = "ESTABLISHED";
  @tcp_states[2] = "SYN_SENT";
  @tcp_states[3] = "SYN_RECV";
  @tcp_states[4] = "FIN_WAIT1";
  @tcp_states[5] = "FIN_WAIT2";
  @tcp_states[6] = "TIME_WAIT";
  @tcp_states[7] = "CLOSE";
  @tcp_states[8] = "CLOSE_WAIT";
  @tcp_states[9] = "LAST_ACK";
  @tcp_states[10] = "LISTEN";
  @tcp_states[11] = "CLOSING";
  @tcp_states[12] = "NEW_SYN_RECV";
}

tracepoint:tcp:tcp_retransmit_skb
{
  $v4 = args->family == 2;
  printf("%-9d %-7d %-16s %-15s %-5d %-15s %-5d %-11s %d\n", elapsed / 1000000, pid, comm,
         $v4 ? ntop(args->saddr) : ntop(args->saddr_v6), args->sport, $v4 ? ntop(args->daddr) : ntop(args->daddr_v6),
         args->dport, @tcp_states[args->state], args->err);
}

END
{
  clear(@tcp_states);
}
