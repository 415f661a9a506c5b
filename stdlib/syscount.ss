#!/usr/bin/env stratoshark
// syscount: counts system calls until Ctrl-C, then prints the ten most
// frequent system call numbers and the ten busiest processes.
//
// Usage: stratoshark syscount
//
// Numbers are the x86-64 system call numbers (`ausyscall NUMBER`, or
// /usr/include/x86_64-linux-gnu/asm/unistd_64.h): 0 read, 1 write, 231
// exit_group, ...
//
// Example (a real run):
//   EXAMPLE
BEGIN
{
  printf("Counting system calls. Hit Ctrl-C to end.\n");
}

tracepoint:raw_syscalls:sys_enter
{
  @syscall[args->id] = count();
  @process[comm] = count();
}

END
{
  printf("\nTop 10 system call numbers:\n");
  print(@syscall, 10);
  clear(@syscall);
  printf("\nTop 10 processes:\n");
  print(@process, 10);
  clear(@process);
}
