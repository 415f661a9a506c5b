#!/usr/bin/env stratoshark
// tcpstates: every TCP state change of every socket (IPv4 and IPv6): the
// socket's kernel address, the process the change happened in, the local
// and remote addresses and ports,
// the old and the new state, and how long the socket spent in the old state
// (milliseconds, three decimals; 0.000 for the first change).
//
// Usage: stratoshark tcpstates
//
// Changes made while handling a packet (in softirq) show whichever process
// the CPU was running then.
//
// Example (a real run: one connection from 127.0.0.1:47311 to a listener
// on 127.0.0.1:47310, closed by the client first):
//   Tracing TCP state changes. Hit Ctrl-C to end.
//   SKADDR           PID     COMM         LADDR           LPORT RADDR           RPORT OLDSTATE       NEWSTATE    MS
//   ffff888106a065c0 3351    python3      127.0.0.1       47310 0.0.0.0         0     CLOSE       -> LISTEN      0.000
//   ffff888106a01280 3351    python3      127.0.0.1       47311 127.0.0.1       47310 CLOSE       -> SYN_SENT    0.000
//   ffff888106a01280 3351    python3      127.0.0.1       47311 127.0.0.1       47310 SYN_SENT    -> ESTABLISHED 0.089
//   ffff888106a05c80 3351    python3      127.0.0.1       47310 127.0.0.1       47311 LISTEN      -> SYN_RECV    0.000
//   ffff888106a05c80 3351    python3      127.0.0.1       47310 127.0.0.1       47311 SYN_RECV    -> ESTABLISHED 0.005
//   ffff888106a01280 3351    python3      127.0.0.1       47311 127.0.0.1       47310 ESTABLISHED -> FIN_WAIT1   0.101
//   ffff888106a05c80 3351    python3      127.0.0.1       47310 127.0.0.1       47311 ESTABLISHED -> CLOSE_WAIT  0.087
//   ffff888106a05c80 3351    python3      127.0.0.1       47310 127.0.0.1       47311 CLOSE_WAIT  -> LAST_ACK    0.039
//   ffff888106a01280 3351    python3      127.0.0.1       47311 127.0.0.1       47310 FIN_WAIT1   -> FIN_WAIT2   0.048
//   ffff888106a01280 3351    python3      127.0.0.1       47311 127.0.0.1       47310 FIN_WAIT2   -> CLOSE       0.003
//   ffff888106a05c80 3351    python3      127.0.0.1       47310 127.0.0.1       47311 LAST_ACK    -> CLOSE       0.018
//   ffff888106a065c0 3351    python3      127.0.0.1       47310 0.0.0.0         0     LISTEN      -> CLOSE       50.495
BEGIN
{
  printf("Tracing TCP state changes. Hit Ctrl-C to end.\n");
  printf("%-16s %-7s %-12s %-15s %-5s %-15s %-5s %-11s    %-11s %s\n", "SKADDR", "PID", "COMM", "LADDR", "LPORT",
         "RADDR", "RPORT", "OLDSTATE", "NEWSTATE", "MS");
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

tracepoint:sock:inet_sock_set_state
/args->protocol == 6/
{
  $sk = args->skaddr;
  $last = @last[$sk];
  $us = $last ? (nsecs - $last) / 1000 : 0;
  $v4 = args->family == 2;
  printf("%-16x %-7d %-12s %-15s %-5d %-15s %-5d %-11s -> %-11s %d.%03d\n", $sk, pid, comm,
         $v4 ? ntop(args->saddr) : ntop(args->saddr_v6), args->sport, $v4 ? ntop(args->daddr) : ntop(args->daddr_v6),
         args->dport, @tcp_states[args->oldstate], @tcp_states[args->newstate], $us / 1000, $us % 1000);
  if (args->newstate == 7) {
    delete(@last[$sk]);
  } else {
    @last[$sk] = nsecs;
  }
}

END
{
  clear(@tcp_states);
  clear(@last);
}
