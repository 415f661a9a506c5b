#!/usr/bin/env stratoshark
// bitesize: sizes of block I/O requests, per process, as power-of-two
// histograms in bytes, printed at Ctrl-C.
//
// Usage: stratoshark bitesize
//
// Example (a real run: 3 direct reads of 4 KiB and 2 of 64 KiB):
//   Tracing block device I/O sizes. Hit Ctrl-C to end.
//   ^C
//   I/O size (bytes) histograms by process name:
//   @bytes[clang++-19]:
//   [8K, 16K)              1 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|
//   [16K, 32K)             0 |                                                    |
//   [32K, 64K)             0 |                                                    |
//   [64K, 128K)            0 |                                                    |
//   [128K, 256K)           0 |                                                    |
//   [256K, 512K)           0 |                                                    |
//   [512K, 1M)             1 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|
//
//   @bytes[myapp]:
//   [4K, 8K)               3 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|
//   [8K, 16K)              0 |                                                    |
//   [16K, 32K)             0 |                                                    |
//   [32K, 64K)             0 |                                                    |
//   [64K, 128K)            2 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@                  |
BEGIN
{
  printf("Tracing block device I/O sizes. Hit Ctrl-C to end.\n");
}

tracepoint:block:block_rq_issue
{
  @bytes[args->comm] = hist(args->bytes);
}

END
{
  printf("\nI/O size (bytes) histograms by process name:");
}
