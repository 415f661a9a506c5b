#!/usr/bin/env stratoshark
// pidpersec: new processes (and threads) per second, from fork()/clone().
//
// Usage: stratoshark pidpersec
//
// Example (a real run; a shell loop starting about 40 commands a second):
//   Tracing new processes. Hit Ctrl-C to end.
//   1000      PIDs/sec: @: 96
//   2000      PIDs/sec: @: 77
BEGIN
{
  printf("Tracing new processes. Hit Ctrl-C to end.\n");
}

tracepoint:sched:sched_process_fork
{
  @ = count();
}

interval:s:1
{
  printf("%-9d PIDs/sec: ", elapsed / 1000000);
  print(@);
  clear(@);
}

END
{
  clear(@);
}
