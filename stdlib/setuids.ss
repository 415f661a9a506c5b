#!/usr/bin/env stratoshark
// setuids: privilege changes: every setuid(), setfsuid() and setresuid()
// with its arguments and result (0, or the negative errno; setfsuid()
// returns the previous fs uid instead).
//
// Usage: stratoshark setuids
//
// Example (a real run, as root: setuid(0), setresuid(0, 0, 0), setfsuid(0)):
//   Tracing setuid(2) family system calls. Hit Ctrl-C to end.
//   TIME(ms)  UID    COMM             PID     SYSCALL   ARGS (RET)
//   2         0      myapp            3642    setuid    uid=0 (0)
//   2         0      myapp            3642    setresuid ruid=0 euid=0 suid=0 (0)
//   2         0      myapp            3642    setfsuid  uid=0 (prevuid=0)
BEGIN
{
  printf("Tracing setuid(2) family system calls. Hit Ctrl-C to end.\n");
  printf("%-9s %-6s %-16s %-7s %-9s %s\n", "TIME(ms)", "UID", "COMM", "PID", "SYSCALL", "ARGS (RET)");
}

tracepoint:syscalls:sys_enter_setuid,
tracepoint:syscalls:sys_enter_setfsuid
{
  @uid[tid] = uid;
  @setuid[tid] = args->uid;
  @seen[tid] = 1;
}

tracepoint:syscalls:sys_enter_setresuid
{
  @uid[tid] = uid;
  @ruid[tid] = args->ruid;
  @euid[tid] = args->euid;
  @suid[tid] = args->suid;
  @seen[tid] = 1;
}

tracepoint:syscalls:sys_exit_setuid
/@seen[tid]/
{
  printf("%-9d %-6d %-16s %-7d setuid    uid=%d (%d)\n", elapsed / 1000000, @uid[tid], comm, pid, @setuid[tid], args->ret);
  delete(@seen[tid]);
  delete(@uid[tid]);
  delete(@setuid[tid]);
}

tracepoint:syscalls:sys_exit_setfsuid
/@seen[tid]/
{
  printf("%-9d %-6d %-16s %-7d setfsuid  uid=%d (prevuid=%d)\n", elapsed / 1000000, @uid[tid], comm, pid, @setuid[tid], args->ret);
  delete(@seen[tid]);
  delete(@uid[tid]);
  delete(@setuid[tid]);
}

tracepoint:syscalls:sys_exit_setresuid
/@seen[tid]/
{
  printf("%-9d %-6d %-16s %-7d setresuid ruid=%d euid=%d suid=%d (%d)\n", elapsed / 1000000, @uid[tid], comm, pid,
         @ruid[tid], @euid[tid], @suid[tid], args->ret);
  delete(@seen[tid]);
  delete(@uid[tid]);
  delete(@ruid[tid]);
  delete(@euid[tid]);
  delete(@suid[tid]);
}

END
{
  clear(@seen);
  clear(@uid);
  clear(@setuid);
  clear(@ruid);
  clear(@euid);
  clear(@suid);
}
