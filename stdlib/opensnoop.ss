#!/usr/bin/env stratoshark
// opensnoop: every open() and openat() as it returns: the process, the file
// descriptor it got (or -1 and the errno), and the path it asked for.
//
// Usage: stratoshark opensnoop
//
// The path pointer is kept at entry (keyed by thread) and the string is read
// at exit, when the kernel has certainly copied it in.
//
// Example (a real run; ERR 2 is ENOENT):
//   Tracing open() and openat(). Hit Ctrl-C to end.
//   PID    COMM              FD ERR PATH
//   Tracing open() and openat(). Hit Ctrl-C to end.
//   PID    COMM              FD ERR PATH
//   3354   myapp              3   0 /etc/hostname
//   3354   myapp             -1   2 /nonexistent/config
//   3354   myapp              3   0 /etc/ld.so.cache
BEGIN
{
  printf("Tracing open() and openat(). Hit Ctrl-C to end.\n");
  printf("%-6s %-16s %3s %3s %s\n", "PID", "COMM", "FD", "ERR", "PATH");
}

tracepoint:syscalls:sys_enter_open,
tracepoint:syscalls:sys_enter_openat
{
  @filename[tid] = args->filename;
}

tracepoint:syscalls:sys_exit_open,
tracepoint:syscalls:sys_exit_openat
/@filename[tid]/
{
  $ret = args->ret;
  $fd = $ret >= 0 ? $ret : -1;
  $errno = $ret >= 0 ? 0 : - $ret;
  printf("%-6d %-16s %3d %3d %s\n", pid, comm, $fd, $errno, str(@filename[tid]));
  delete(@filename[tid]);
}

END
{
  clear(@filename);
}
