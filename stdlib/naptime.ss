#!/usr/bin/env stratoshark
// naptime: every sleep a process asks for with nanosleep() or
// clock_nanosleep(): the parent process, the process, and how long, in
// seconds with three decimals.
//
// Usage: stratoshark naptime
//
// The duration is read from the struct timespec behind the system call's
// pointer (user memory), and the parent through curtask->real_parent (BTF).
// A clock_nanosleep() until an absolute time (TIMER_ABSTIME) on
// CLOCK_MONOTONIC shows the time left until then (Python's time.sleep()
// sleeps so); absolute sleeps on other clocks are not shown. Sleeps of zero
// are not shown.
//
// Example (a real run: a process that sleeps 50 ms and 1.234 s, then
// sleep(1) sleeping 0.3 s and Python's time.sleep(0.25)):
//   $ stratoshark naptime
//   Tracing sleeps. Hit Ctrl-C to end.
//   TIME     PPID   PCOMM            PID    COMM             SECONDS
//   01:41:06 4010   python3          4054   myapp            0.050
//   01:41:06 4010   python3          4054   myapp            1.234
//   01:41:07 4010   python3          4077   sleep            0.300
//   01:41:08 4010   python3          4078   python3          0.249
BEGIN
{
  printf("Tracing sleeps. Hit Ctrl-C to end.\n");
  printf("%-8s %-6s %-16s %-6s %-16s %s\n", "TIME", "PPID", "PCOMM", "PID", "COMM", "SECONDS");
}

tracepoint:syscalls:sys_enter_nanosleep
/args->rqtp->tv_sec + args->rqtp->tv_nsec/
{
  $task = (struct task_struct *)curtask;
  time("%H:%M:%S ");
  printf("%-6d %-16s %-6d %-16s %d.%03d\n", $task->real_parent->pid, $task->real_parent->comm, pid, comm,
         args->rqtp->tv_sec, (uint64)args->rqtp->tv_nsec / 1000000);
}

tracepoint:syscalls:sys_enter_clock_nanosleep
/(args->flags & 1) == 0 && args->rqtp->tv_sec + args->rqtp->tv_nsec/
{
  $task = (struct task_struct *)curtask;
  time("%H:%M:%S ");
  printf("%-6d %-16s %-6d %-16s %d.%03d\n", $task->real_parent->pid, $task->real_parent->comm, pid, comm,
         args->rqtp->tv_sec, (uint64)args->rqtp->tv_nsec / 1000000);
}

// TIMER_ABSTIME (1) on CLOCK_MONOTONIC (1), the clock of nsecs.
tracepoint:syscalls:sys_enter_clock_nanosleep
/(args->flags & 1) && args->which_clock == 1/
{
  $task = (struct task_struct *)curtask;
  $ms = (args->rqtp->tv_sec * 1000000000 + args->rqtp->tv_nsec - nsecs) / 1000000;
  $ms = $ms < 0 ? 0 : $ms;
  time("%H:%M:%S ");
  printf("%-6d %-16s %-6d %-16s %d.%03d\n", $task->real_parent->pid, $task->real_parent->comm, pid, comm,
         $ms / 1000, $ms % 1000);
}
