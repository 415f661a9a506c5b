#!/usr/bin/env stratoshark
// tcpconnect: active TCP connections (connect()): the process, source and
// destination addresses and ports (IPv4 or IPv6), and whether the handshake
// succeeded, one line per connection attempt.
//
// Usage: stratoshark tcpconnect
//
// Built on sock:inet_sock_set_state: the process is recorded when the
// socket enters SYN_SENT (in connect(), in its context), and the line is
// printed when it leaves SYN_SENT, because only then does the tracepoint
// carry the source port the kernel picked: "connected" (ESTABLISHED) or
// "failed" (refused, reset or timed out). A non-blocking connect is
// printed when its handshake ends.
//
// Example (a real run: a connection from 127.0.0.1:47321 to a listener on
// 127.0.0.1:47320, then a refused one to [::1]:47320 from a port the kernel
// picked):
//   $ stratoshark tcpconnect
//   Tracing tcp connections. Hit Ctrl-C to end.
//   TIME     PID      COMM             SADDR                                   SPORT  DADDR                                   DPORT  RESULT
//   01:41:17 4565     python3          127.0.0.1                               47321  127.0.0.1                               47320  connected
//   01:41:17 4570     python3          ::1                                     54962  ::1                                     47320  failed
BEGIN
{
  printf("Tracing tcp connections. Hit Ctrl-C to end.\n");
  printf("%-8s %-8s %-16s ", "TIME", "PID", "COMM");
  printf("%-39s %-6s %-39s %-6s %s\n", "SADDR", "SPORT", "DADDR", "DPORT", "RESULT");
}

tracepoint:sock:inet_sock_set_state
/args->protocol == 6 && args->newstate == 2/
{
  @pid[args->skaddr] = pid;
  @comm[args->skaddr] = comm;
}

tracepoint:sock:inet_sock_set_state
/args->protocol == 6 && args->oldstate == 2 && @pid[args->skaddr]/
{
  $sk = args->skaddr;
  $v4 = args->family == 2;
  time("%H:%M:%S ");
  printf("%-8d %-16s ", @pid[$sk], @comm[$sk]);
  printf("%-39s %-6d %-39s %-6d %s\n", $v4 ? ntop(args->saddr) : ntop(args->saddr_v6), args->sport,
         $v4 ? ntop(args->daddr) : ntop(args->daddr_v6), args->dport, args->newstate == 1 ? "connected" : "failed");
  delete(@pid[$sk]);
  delete(@comm[$sk]);
}

END
{
  clear(@pid);
  clear(@comm);
}
