#!/usr/bin/env stratoshark
// offcputime: time spent off the CPU (blocked or waiting), summed per kernel
// stack, user stack and process name, in microseconds, printed at Ctrl-C.
//
// Usage: stratoshark offcputime         every task
//        stratoshark offcputime COMM    only tasks named COMM
//
// Built on sched:sched_switch alone: when a task is switched out, the
// tracepoint runs in its context, so kstack and ustack are the stacks it
// blocked in; when it is switched in again, the time since is added to
// them. The idle task (pid 0) is not counted. Stacks of a process that has
// exited before the maps are printed show user addresses in hexadecimal.
// The kernel skips the program for a switch that happens while a BPF
// program or map operation is active on that CPU, so under heavy BPF use a
// few switches can go uncounted.
//
// Example (a real run: a process that sleeps 50 ms four times):
//   $ stratoshark offcputime myapp
//   Tracing off-CPU time. Hit Ctrl-C to end.
//   ^C
//   @usecs[
//       __schedule+1576
//       schedule+35
//       do_nanosleep+94
//       hrtimer_nanosleep+181
//       __x64_sys_nanosleep+174
//       do_syscall_64+113
//       entry_SYSCALL_64_after_hwframe+118
//   ,
//       0x7facd0861829
//       0x7ffeb26178a8
//       0x775f73732f737473
//   , myapp]: 200262
BEGIN
{
  printf("Tracing off-CPU time. Hit Ctrl-C to end.\n");
}

tracepoint:sched:sched_switch
{
  if (args->prev_pid != 0 && (str($1) == "" || args->prev_comm == str($1))) {
    @start[args->prev_pid] = nsecs;
    @kstack[args->prev_pid] = kstack;
    @ustack[args->prev_pid] = ustack;
  }
  $ts = @start[args->next_pid];
  if ($ts) {
    @usecs[@kstack[args->next_pid], @ustack[args->next_pid], args->next_comm] = sum((nsecs - $ts) / 1000);
    delete(@start[args->next_pid]);
    delete(@kstack[args->next_pid]);
    delete(@ustack[args->next_pid]);
  }
}

END
{
  clear(@start);
  clear(@kstack);
  clear(@ustack);
}
