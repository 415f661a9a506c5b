#!/usr/bin/env stratoshark
// runqlen: the length of the CPU run queues, sampled at 99 Hz on every CPU,
// as a linear histogram: how many tasks were waiting for the CPU besides
// the one running, printed at Ctrl-C.
//
// Usage: stratoshark runqlen        every CPU
//        stratoshark runqlen CPU    one CPU
//
// Reads the run queue of the sampled CPU through BTF:
// curtask->se.cfs_rq->rq->nr_running counts every runnable task of that CPU
// (fair, real-time and deadline classes), the running one included, which
// is subtracted unless the CPU was idle. (bpftrace's runqlen.bt reads
// cfs_rq->nr_running, which Linux 6.14 renamed nr_queued.)
//
// Example (a real run: three busy loops pinned to CPU 0 for one second):
//   $ stratoshark runqlen 0
//   Sampling run queue length at 99 Hertz... Hit Ctrl-C to end.
//   ^C
//   @runqlen:
//   [0, 1)                10 |@@@@@                                               |
//   [1, 2)                 1 |                                                    |
//   [2, 3)                 0 |                                                    |
//   [3, 4)                88 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|
//   [4, 5)                11 |@@@@@@                                              |
BEGIN
{
  printf("Sampling run queue length at 99 Hertz... Hit Ctrl-C to end.\n");
}

profile:hz:99
/$# == 0 || cpu == $1/
{
  $running = curtask->se.cfs_rq->rq->nr_running;
  $len = $running > 0 && pid != 0 ? $running - 1 : $running;
  @runqlen = lhist($len, 0, 100, 1);
}
