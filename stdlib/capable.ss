#!/usr/bin/env stratoshark
// capable: every capability check the kernel makes (the capability:cap_capable
// tracepoint, Linux 6.14 and later): which process needed which capability,
// and whether it had it (RET 0) or not (-1, EPERM).
//
// Usage: stratoshark capable
//
// Not every check is a permission decision that would be audited: fork()
// and mmap() of writable memory ask for CAP_SYS_ADMIN to decide whether the
// caller may use the memory reserved for administrators (overcommit
// accounting); those show up as CAP_SYS_ADMIN lines that succeed.
//
// Example (a real run: a process running as root calls setuid(0), then
// forks):
//   Tracing capability checks. Hit Ctrl-C to end.
//   TIME(ms)  UID    PID     COMM              CAP NAME                   RET
//   2         0      3763    myapp               7 CAP_SETUID             0
//   2         0      3763    myapp              21 CAP_SYS_ADMIN          0
//   2         0      3763    myapp              21 CAP_SYS_ADMIN          0
BEGIN
{
  printf("Tracing capability checks. Hit Ctrl-C to end.\n");
  printf("%-9s %-6s %-7s %-16s %4s %-22s %s\n", "TIME(ms)", "UID", "PID", "COMM", "CAP", "NAME", "RET");
  @cap[0] = "CAP_CHOWN";
  @cap[1] = "CAP_DAC_OVERRIDE";
  @cap[2] = "CAP_DAC_READ_SEARCH";
  @cap[3] = "CAP_FOWNER";
  @cap[4] = "CAP_FSETID";
  @cap[5] = "CAP_KILL";
  @cap[6] = "CAP_SETGID";
  @cap[7] = "CAP_SETUID";
  @cap[8] = "CAP_SETPCAP";
  @cap[9] = "CAP_LINUX_IMMUTABLE";
  @cap[10] = "CAP_NET_BIND_SERVICE";
  @cap[11] = "CAP_NET_BROADCAST";
  @cap[12] = "CAP_NET_ADMIN";
  @cap[13] = "CAP_NET_RAW";
  @cap[14] = "CAP_IPC_LOCK";
  @cap[15] = "CAP_IPC_OWNER";
  @cap[16] = "CAP_SYS_MODULE";
  @cap[17] = "CAP_SYS_RAWIO";
  @cap[18] = "CAP_SYS_CHROOT";
  @cap[19] = "CAP_SYS_PTRACE";
  @cap[20] = "CAP_SYS_PACCT";
  @cap[21] = "CAP_SYS_ADMIN";
  @cap[22] = "CAP_SYS_BOOT";
  @cap[23] = "CAP_SYS_NICE";
  @cap[24] = "CAP_SYS_RESOURCE";
  @cap[25] = "CAP_SYS_TIME";
  @cap[26] = "CAP_SYS_TTY_CONFIG";
  @cap[27] = "CAP_MKNOD";
  @cap[28] = "CAP_LEASE";
  @cap[29] = "CAP_AUDIT_WRITE";
  @cap[30] = "CAP_AUDIT_CONTROL";
  @cap[31] = "CAP_SETFCAP";
  @cap[32] = "CAP_MAC_OVERRIDE";
  @cap[33] = "CAP_MAC_ADMIN";
  @cap[34] = "CAP_SYSLOG";
  @cap[35] = "CAP_WAKE_ALARM";
  @cap[36] = "CAP_BLOCK_SUSPEND";
  @cap[37] = "CAP_AUDIT_READ";
  @cap[38] = "CAP_PERFMON";
  @cap[39] = "CAP_BPF";
  @cap[40] = "CAP_CHECKPOINT_RESTORE";
}

tracepoint:capability:cap_capable
{
  printf("%-9d %-6d %-7d %-16s %4d %-22s %d\n", elapsed / 1000000, uid, pid, comm, args->cap, @cap[args->cap], args->ret);
}

END
{
  clear(@cap);
}
