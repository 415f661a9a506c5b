#!/usr/bin/env stratoshark
// tcplife: one line per TCP connection when it closes: the process that
// opened it (connect) or closed it (the server side), the ports, and how
// long the connection lived, in milliseconds with three decimals.
//
// Usage: stratoshark tcplife
//
// Built on the sock:inet_sock_set_state tracepoint: a connection is born
// when it first enters SYN_SENT, SYN_RECV or ESTABLISHED and dies when it
// enters CLOSE; listening sockets are not connections and are not shown.
// The process is taken where the kernel runs in its context (SYN_SENT for
// the side that connects, LAST_ACK for the side that closes second); an
// accepted connection that its server closes first shows PID 0.
// Addresses and byte counts are not printed yet: they need ntop() on the
// tracepoint's address arrays and struct tcp_sock fields.
//
// Example (a real run: one connection from 127.0.0.1:47311 to a listener
// on 127.0.0.1:47310; each side is printed when it closes):
//   Tracing TCP connection lifespans. Hit Ctrl-C to end.
//   PID     COMM             LPORT RPORT MS
//   4858    python3          47311 47310 0.235
//   4858    python3          47310 47311 0.134
BEGIN
{
  printf("Tracing TCP connection lifespans. Hit Ctrl-C to end.\n");
  printf("%-7s %-16s %-5s %-5s %s\n", "PID", "COMM", "LPORT", "RPORT", "MS");
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
    printf("%-7d %-16s %-5d %-5d %d.%03d\n", @skpid[$sk], @skcomm[$sk], args->sport, args->dport, $us / 1000,
           $us % 1000);
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
