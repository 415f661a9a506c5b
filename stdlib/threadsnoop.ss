#!/usr/bin/env stratoshark
// threadsnoop: new threads, as programs ask libc's pthread_create() for them.
//
// Usage: stratoshark threadsnoop
//
// libc is found by its short name in the dynamic linker's directories
// (glibc 2.34 and later have pthread_create in libc.so.6 itself).
//
// Example (a real run):
//   EXAMPLE
BEGIN
{
  printf("Tracing pthread_create(). Hit Ctrl-C to end.\n");
  printf("%-9s %-7s %-7s %-16s\n", "TIME(ms)", "PID", "TID", "COMM");
}

uprobe:libc:pthread_create
{
  printf("%-9d %-7d %-7d %-16s\n", elapsed / 1000000, pid, tid, comm);
}
