#!/usr/bin/env stratoshark
// cpuwalk: which CPUs processes run on, sampled 99 times a second on every
// CPU; idle CPUs are not sampled. Printed at Ctrl-C as a linear histogram
// with one bucket per CPU.
//
// Usage: stratoshark cpuwalk
//
// Example (a real run on 2 CPUs, one busy loop pinned to each for a second):
//   Sampling CPU at 99hz. Hit Ctrl-C to end.
//   ^C
//   @cpu:
//   [0, 1)               208 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|
//   [1, 2)               207 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@ |
BEGIN
{
  printf("Sampling CPU at 99hz. Hit Ctrl-C to end.\n");
}

profile:hz:99
/pid/
{
  @cpu = lhist(cpu, 0, 1000, 1);
}
