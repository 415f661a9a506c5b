#!/usr/bin/env stratoshark
// vfsstat: file system system calls per second (reads, writes, opens,
// creat, fsync, fdatasync), by system call, printed every second with the
// time of day.
//
// Usage: stratoshark vfsstat         every process
//        stratoshark vfsstat COMM    only processes named COMM
//
// bpftrace's vfsstat.bt counts the kernel's vfs_read(), vfs_write(), ...
// functions with kprobes; this kernel has none, so this one counts the
// system calls that lead to them (tracepoints syscalls:sys_enter_*): reads
// and writes done without a system call (io_uring, mapped memory, the
// kernel's own) are not seen, and every system call counts once whatever
// it does in the VFS.
//
// Example (a real run: a process that writes 5 KiB in 1 KiB writes, fsyncs
// the file and opens another):
//   $ stratoshark vfsstat myapp
//   Tracing key VFS system calls... Hit Ctrl-C to end.
//   01:41:24
//   @[tracepoint:syscalls:sys_enter_fsync]: 1
//   @[tracepoint:syscalls:sys_enter_openat]: 3
//   @[tracepoint:syscalls:sys_enter_write]: 5
BEGIN
{
  printf("Tracing key VFS system calls... Hit Ctrl-C to end.\n");
}

tracepoint:syscalls:sys_enter_read,
tracepoint:syscalls:sys_enter_readv,
tracepoint:syscalls:sys_enter_pread64,
tracepoint:syscalls:sys_enter_preadv,
tracepoint:syscalls:sys_enter_preadv2,
tracepoint:syscalls:sys_enter_write,
tracepoint:syscalls:sys_enter_writev,
tracepoint:syscalls:sys_enter_pwrite64,
tracepoint:syscalls:sys_enter_pwritev,
tracepoint:syscalls:sys_enter_pwritev2,
tracepoint:syscalls:sys_enter_open,
tracepoint:syscalls:sys_enter_openat,
tracepoint:syscalls:sys_enter_openat2,
tracepoint:syscalls:sys_enter_creat,
tracepoint:syscalls:sys_enter_fsync,
tracepoint:syscalls:sys_enter_fdatasync
/str($1) == "" || comm == str($1)/
{
  @[probe] = count();
}

interval:s:1
{
  time();
  print(@);
  clear(@);
}

END
{
  clear(@);
}
