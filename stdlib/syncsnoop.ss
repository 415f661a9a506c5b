#!/usr/bin/env stratoshark
// syncsnoop: calls that flush file data to storage (sync, syncfs, fsync,
// fdatasync, sync_file_range, msync): when, who, and which call.
//
// Usage: stratoshark syncsnoop
//
// Example (a real run):
//   Tracing sync system calls. Hit Ctrl-C to end.
//   TIME(ms)  PID     COMM             EVENT
//   3         3707    myapp            tracepoint:syscalls:sys_enter_sync
//   6         3707    myapp            tracepoint:syscalls:sys_enter_syncfs
//   6         3707    myapp            tracepoint:syscalls:sys_enter_fsync
//   7         3707    myapp            tracepoint:syscalls:sys_enter_fdatasync
BEGIN
{
  printf("Tracing sync system calls. Hit Ctrl-C to end.\n");
  printf("%-9s %-7s %-16s %s\n", "TIME(ms)", "PID", "COMM", "EVENT");
}

tracepoint:syscalls:sys_enter_sync,
tracepoint:syscalls:sys_enter_syncfs,
tracepoint:syscalls:sys_enter_fsync,
tracepoint:syscalls:sys_enter_fdatasync,
tracepoint:syscalls:sys_enter_sync_file_range,
tracepoint:syscalls:sys_enter_msync
{
  printf("%-9d %-7d %-16s %s\n", elapsed / 1000000, pid, comm, probe);
}
