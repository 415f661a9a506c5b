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
//   Counting system calls. Hit Ctrl-C to end.
//   ^C
//   Top 10 system call numbers:
//   @syscall[9]: 225
//   @syscall[17]: 289
//   @syscall[89]: 390
//   @syscall[3]: 395
//   @syscall[202]: 403
//   @syscall[1]: 522
//   @syscall[262]: 664
//   @syscall[14]: 714
//   @syscall[257]: 1186
//   @syscall[110]: 20001
//
//   Top 10 processes:
//   @process[ninja]: 4
//   @process[stratoshark]: 7
//   @process[memfd:sealed-91]: 18
//   @process[ss_workload]: 29
//   @process[sh]: 53
//   @process[python3]: 90
//   @process[ccache]: 192
//   @process[clang++-19]: 4804
//   @process[myapp]: 20001
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
