#!/usr/bin/env stratoshark
// biolatency: block I/O latency, from the moment a request is issued to the
// device driver to its completion, as a power-of-two histogram in
// microseconds, printed at Ctrl-C.
//
// Usage: stratoshark biolatency              every disk
//        stratoshark biolatency MAJOR MINOR  one disk (see `lsblk`: loop0 is 7 0)
//
// Requests are matched by device and sector (the block tracepoints carry no
// request pointer); queueing time before the issue is not counted.
//
// Example (a real run: 200 direct 4 KiB reads from a loop device):
//   $ stratoshark biolatency 7 0
//   Tracing block device I/O. Hit Ctrl-C to end.
//   ^C
//   @usecs:
//   [1]                    4 |@                                                   |
//   [2, 4)               189 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|
//   [4, 8)                 2 |                                                    |
//   [8, 16)                0 |                                                    |
//   [16, 32)               0 |                                                    |
//   [32, 64)               3 |                                                    |
//   [64, 128)              1 |                                                    |
//   [128, 256)             0 |                                                    |
//   [256, 512)             1 |                                                    |
BEGIN
{
  printf("Tracing block device I/O. Hit Ctrl-C to end.\n");
}

tracepoint:block:block_rq_issue
/$# == 0 || args->dev == ($1 << 20 | $2)/
{
  @start[args->dev, args->sector] = nsecs;
}

tracepoint:block:block_rq_complete
/@start[args->dev, args->sector]/
{
  @usecs = hist((nsecs - @start[args->dev, args->sector]) / 1000);
  delete(@start[args->dev, args->sector]);
}

END
{
  clear(@start);
}
