#!/usr/bin/env stratoshark
// threadsnoop: new threads, as programs ask libc's pthread_create() for them.
//
// Usage: stratoshark threadsnoop
//
// libc is found by its short name in the dynamic linker's directories
// (glibc 2.34 and later have pthread_create in libc.so.6 itself).
//
// Example (a real run):
//   Tracing pthread_create(). Hit Ctrl-C to end.
//   TIME(ms)  PID     TID     COMM
//   15        4180    4180    myapp
//   15        4180    4180    myapp
//   19        4180    4180    myapp
BEGIN
{
  printf("Tracing pthread_create(). Hit Ctrl-C to end.\n");
  printf("%-9s %-7s %-7s %s\n", "TIME(ms)", "PID", "TID", "COMM");
}

uprobe:libc:pthread_create
{
  printf("%-9d %-7d %-7d %s\n", elapsed / 1000000, pid, tid, comm);
}
