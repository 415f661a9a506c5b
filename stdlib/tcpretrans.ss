#!/usr/bin/env stratoshark
// tcpretrans: every TCP retransmission: the ports of the connection, its
// state, and the error the transmit returned (0: it was sent).
//
// Usage: stratoshark tcpretrans
//
// Retransmissions run from a timer or while handling a packet, so PID and
// COMM are whatever the CPU was running then, often not the socket's owner.
// Addresses are not printed yet: the tracepoint carries them as byte arrays
// (args->saddr), which need ntop() on arrays.
//
// Example (a real run: every packet of a loopback connection dropped for a
// moment, so the kernel resends its data):
//   Tracing TCP retransmits. Hit Ctrl-C to end.
//   TIME(ms)  PID     COMM             LPORT RPORT STATE       ERR
//   323       4827    clang++-19       47311 47310 ESTABLISHED 0
//   531       4827    clang++-19       47311 47310 ESTABLISHED 0
BEGIN
{
  printf("Tracing TCP retransmits. Hit Ctrl-C to end.\n");
  printf("%-9s %-7s %-16s %-5s %-5s %-11s %s\n", "TIME(ms)", "PID", "COMM", "LPORT", "RPORT", "STATE", "ERR");
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
  printf("%-9d %-7d %-16s %-5d %-5d %-11s %d\n", elapsed / 1000000, pid, comm, args->sport, args->dport,
         @tcp_states[args->state], args->err);
}

END
{
  clear(@tcp_states);
}
