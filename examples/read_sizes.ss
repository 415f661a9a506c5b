#!/usr/bin/env stratoshark
// Distribution of read() sizes per process, as a power-of-two histogram,
// plus a linear view of small reads and the totals. Ctrl-C to print.
//
// Example output (a process that read 1 byte three times and 1000 bytes twice):
//   @bytes[ss_example]:
//   [1]                    3 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|
//   [2, 4)                 0 |                                                    |
//   ...
//   [512, 1K)              2 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@                  |
BEGIN { printf("Tracing read() sizes... Hit Ctrl-C to end.\n"); }

tracepoint:syscalls:sys_enter_read {
  @bytes[comm] = hist(args.count);
  @small = lhist(args.count, 0, 64, 16);
  @all[comm] = stats(args.count);
}
