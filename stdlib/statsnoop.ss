#!/usr/bin/env stratoshark
// statsnoop: every stat-family system call (stat, lstat, fstatat, statx,
// statfs) as it returns: the process, the result (0, or the errno) and the
// path asked about.
//
// Usage: stratoshark statsnoop
//
// glibc's stat() and lstat() are newfstatat() on x86-64, so most programs
// show up through that one.
//
// Example (a real run; ERR 2 is ENOENT):
//   Tracing stat system calls. Hit Ctrl-C to end.
//   PID     COMM             ERR PATH
//   3578    myapp              0 /etc
//   3578    myapp              0 /etc/hostname
//   3578    myapp              2 /nonexistent
//   3578    myapp              0 /
//   3578    myapp              0 /tmp
//   3579    ls                 0
//   3579    ls                 2 /sys/fs/selinux
//   3579    ls                 2 /selinux
BEGIN
{
  printf("Tracing stat system calls. Hit Ctrl-C to end.\n");
  printf("%-7s %-16s %3s %s\n", "PID", "COMM", "ERR", "PATH");
}

tracepoint:syscalls:sys_enter_statfs
{
  @filename[tid] = args->pathname;
}

tracepoint:syscalls:sys_enter_statx,
tracepoint:syscalls:sys_enter_newstat,
tracepoint:syscalls:sys_enter_newlstat,
tracepoint:syscalls:sys_enter_newfstatat
{
  @filename[tid] = args->filename;
}

tracepoint:syscalls:sys_exit_statfs,
tracepoint:syscalls:sys_exit_statx,
tracepoint:syscalls:sys_exit_newstat,
tracepoint:syscalls:sys_exit_newlstat,
tracepoint:syscalls:sys_exit_newfstatat
/@filename[tid]/
{
  $ret = args->ret;
  $errno = $ret >= 0 ? 0 : - $ret;
  printf("%-7d %-16s %3d %s\n", pid, comm, $errno, str(@filename[tid]));
  delete(@filename[tid]);
}

END
{
  clear(@filename);
}
