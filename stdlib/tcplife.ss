#!/usr/bin/env stratoshark
// tcplife: one line per TCP connection when it closes: the process that
// opened it (connect) or closed it (the server side), the local and remote
// addresses and ports (IPv4 or IPv6), and how long the connection lived, in
// milliseconds with three decimals.
//
// Usage: stratoshark tcplife
//
// Built on the sock:inet_sock_set_state tracepoint: a connection is born
// when it first enters SYN_SENT, SYN_RECV or ESTABLISHED and dies when it
// enters CLOSE; listening sockets are not connections and are not shown.
// The process is taken where the kernel runs in its context (SYN_SENT for
// the side that connects, LAST_ACK for the side that closes second); an
// accepted connection that its server closes first shows PID 0.
// Byte counts are not printed: they live in struct tcp_sock, which needs
// kprobes or fentry to reach (not on every kernel).
//
// Example (a real run: one connection from 127.0.0.1:47311 to a listener
// on 127.0.0.1:47310; each side is printed when it closes):
//   Tracing TCP connection lifespans. Hit Ctrl-C to end.
//   PID     COMM             LADDR           LPORT RADDR           RPORT MS
//   4858    python3          127.0.0.1       47311 127.0.0.1       47310 0.235
//   4858    python3          127.0.0.1       47310 127.0.0.1       47311 0.134
BEGIN
{
  printf("Tracing TCP connection lifespans. Hit Ctrl-C to end.\n");
  printf("%-7s %-16s %-15s %-5s %-15s %-5s %s\n", "PID", "COMM", "LADDR", "LPORT", "RADDR", "RPORT", "MS");
}

tracepoint:sock:inet_sock_set_state
/args->protocol == 6/
{
  $sk = args->skaddr;
  $newstate = args->newstate;
  if ($newstate < 4 && @birth[$sk] == 0) {
    @birth[$sk] = nsecs;
  }
  if ($newstate == 2 || $newstate == 9) {
    @skpid[$sk] = pid;
    @skcomm[$sk] = comm;
  }
  if ($newstate == 7 && @birth[$sk]) {
    $us = (nsecs - @birth[$sk]) / 1000;
    $v4 = args->family == 2;
    printf("%-7d %-16s %-15s %-5d %-15s %-5d %d.%03d\n", @skpid[$sk], @skcomm[$sk],
           $v4 ? ntop(args->saddr) : ntop(args->saddr_v6), args->sport, $v4 ? ntop(args->daddr) : ntop(args->daddr_v6),
           args->dport, $us / 1000, $us % 1000);
    delete(@birth[$sk]);
    delete(@skpid[$sk]);
    delete(@skcomm[$sk]);
  }
}

END
{
  clear(@birth);
  clear(@skpid);
  clear(@skcomm);
}
