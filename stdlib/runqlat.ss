#!/usr/bin/env stratoshark
// runqlat: run queue latency, the time a task waits for a CPU after it
// became runnable (woken up, or preempted while it still had work), as a
// power-of-two histogram in microseconds, printed at Ctrl-C.
//
// Usage: stratoshark runqlat         every task
//        stratoshark runqlat COMM    only tasks named COMM
//
// sched_switch reports a task that stays runnable as prev_state 0 (it gave
// up the CPU itself) or 256 (TASK_REPORT_MAX: it was preempted); both wait
// in the run queue again, so both start a new measurement.
//
// Example (a real run: a process that sleeps 1 ms, 20 times, on a busy machine):
//   $ stratoshark runqlat myapp
//   Tracing CPU scheduler run queue latency. Hit Ctrl-C to end.
//   ^C
//   @usecs:
//   [2, 4)                 3 |@@@@@@@@@@@                                         |
//   [4, 8)                14 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|
//   [8, 16)                2 |@@@@@@@                                             |
//   [16, 32)               1 |@@@                                                 |
BEGIN
{
  printf("Tracing CPU scheduler run queue latency. Hit Ctrl-C to end.\n");
}

tracepoint:sched:sched_wakeup,
tracepoint:sched:sched_wakeup_new
/str($1) == "" || args->comm == str($1)/
{
  @qtime[args->pid] = nsecs;
}

tracepoint:sched:sched_switch
{
  $state = args->prev_state;
  if (($state == 0 || $state == 256) && (str($1) == "" || args->prev_comm == str($1))) {
    @qtime[args->prev_pid] = nsecs;
  }
  $ns = @qtime[args->next_pid];
  if ($ns) {
    @usecs = hist((nsecs - $ns) / 1000);
  }
  delete(@qtime[args->next_pid]);
}

END
{
  clear(@qtime);
}
