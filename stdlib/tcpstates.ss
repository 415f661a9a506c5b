#!/usr/bin/env stratoshark
// tcpstates: every TCP state change of every socket (IPv4 and IPv6): the
// socket's kernel address, the process the change happened in, the ports,
// the old and the new state, and how long the socket spent in the old state
// (milliseconds, three decimals; 0.000 for the first change).
//
// Usage: stratoshark tcpstates
//
// Changes made while handling a packet (in softirq) show whichever process
// the CPU was running then. Addresses are not printed yet: the tracepoint
// carries them as byte arrays (args->saddr), which need ntop() on arrays.
//
// Example (a real run: one connection from 127.0.0.1:47311 to a listener
// on 127.0.0.1:47310, closed by the client first):
//   Tracing TCP state changes. Hit Ctrl-C to end.
//   SKADDR           PID     COMM         LPORT RPORT OLDSTATE       NEWSTATE    MS
//   ffff888106a05340 4739    python3      47310 0     CLOSE       -> LISTEN      0.000
//   ffff888106a040c0 4739    python3      47311 47310 CLOSE       -> SYN_SENT    0.000
//   ffff888106a040c0 4739    python3      47311 47310 SYN_SENT    -> ESTABLISHED 0.064
//   ffff888106a02e40 4739    python3      47310 47311 LISTEN      -> SYN_RECV    0.000
//   ffff888106a02e40 4739    python3      47310 47311 SYN_RECV    -> ESTABLISHED 0.005
//   ffff888106a040c0 4739    python3      47311 47310 ESTABLISHED -> FIN_WAIT1   0.099
//   ffff888106a02e40 4739    python3      47310 47311 ESTABLISHED -> CLOSE_WAIT  0.086
//   ffff888106a02e40 4739    python3      47310 47311 CLOSE_WAIT  -> LAST_ACK    0.011
//   ffff888106a040c0 4739    python3      47311 47310 FIN_WAIT1   -> FIN_WAIT2   0.015
//   ffff888106a040c0 4739    python3      47311 47310 FIN_WAIT2   -> CLOSE       0.003
//   ffff888106a02e40 4739    python3      47310 47311 LAST_ACK    -> CLOSE       0.013
//   ffff888106a05340 4739    python3      47310 0     LISTEN      -> CLOSE       50.524
BEGIN
{
  printf("Tracing TCP state changes. Hit Ctrl-C to end.\n");
  printf("%-16s %-7s %-12s %-5s %-5s %-11s    %-11s %s\n", "SKADDR", "PID", "COMM", "LPORT", "RPORT", "OLDSTATE",
         "NEWSTATE", "MS");
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
  printf("%-16x %-7d %-12s %-5d %-5d %-11s -> %-11s %d.%03d\n", $sk, pid, comm, args->sport, args->dport,
         @tcp_states[args->oldstate], @tcp_states[args->newstate], $us / 1000, $us % 1000);
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
