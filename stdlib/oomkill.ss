#!/usr/bin/env stratoshark
// oomkill: every process the out-of-memory killer chooses: who was
// allocating when memory ran out (the trigger), which process is killed,
// and the victim's memory in KiB (total virtual, resident anonymous,
// resident file-backed).
//
// Usage: stratoshark oomkill
//
// Built on the oom:mark_victim tracepoint, which the kernel fires in the
// task that triggered the OOM kill, just before the victim is killed.
//
// Example (a real run: a process in a memory cgroup limited to 32 MiB
// touching 256 MiB; it is both the trigger and the victim):
//   Tracing OOM kills. Hit Ctrl-C to end.
//   TIME(ms)  TPID    TCOMM            VPID    VCOMM             TOTAL_KB   ANON_KB   FILE_KB
//   34        4350    myapp            4350    myapp               264492     32640      1044
BEGIN
{
  printf("Tracing OOM kills. Hit Ctrl-C to end.\n");
  printf("%-9s %-7s %-16s %-7s %-16s %9s %9s %9s\n", "TIME(ms)", "TPID", "TCOMM", "VPID", "VCOMM", "TOTAL_KB",
         "ANON_KB", "FILE_KB");
}

tracepoint:oom:mark_victim
{
  printf("%-9d %-7d %-16s %-7d %-16s %9d %9d %9d\n", elapsed / 1000000, pid, comm, args->pid, str(args->comm),
         args->total_vm, args->anon_rss, args->file_rss);
}
