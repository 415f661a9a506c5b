#!/usr/bin/env stratoshark
// killsnoop: every kill() system call: who sent which signal to which
// process, and the result (0, or the negative errno: -3 is ESRCH, no such
// process).
//
// Usage: stratoshark killsnoop
//
// Example (a real run):
//   Tracing kill() signals. Hit Ctrl-C to end.
//   TIME(ms)  PID     COMM              SIG TPID    RESULT
//   3         3472    myapp              15 3473    0
//   3         3472    myapp               9 32768   -3
//   104       3428    python3             2 3469    0
BEGIN
{
  printf("Tracing kill() signals. Hit Ctrl-C to end.\n");
  printf("%-9s %-7s %-16s %4s %-7s %s\n", "TIME(ms)", "PID", "COMM", "SIG", "TPID", "RESULT");
}

tracepoint:syscalls:sys_enter_kill
{
  @tpid[tid] = args->pid;
  @tsig[tid] = args->sig;
}

tracepoint:syscalls:sys_exit_kill
/has_key(@tpid, tid)/
{
  printf("%-9d %-7d %-16s %4d %-7d %d\n", elapsed / 1000000, pid, comm, @tsig[tid], @tpid[tid], args->ret);
  delete(@tpid[tid]);
  delete(@tsig[tid]);
}

END
{
  clear(@tpid);
  clear(@tsig);
}
