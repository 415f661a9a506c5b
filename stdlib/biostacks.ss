#!/usr/bin/env stratoshark
// biostacks: block I/O latency from the moment a request is created
// (accounted) to its issue to the device driver, as a power-of-two
// histogram in microseconds per kernel stack that created the request,
// printed at Ctrl-C.
//
// Usage: stratoshark biostacks              every disk
//        stratoshark biostacks MAJOR MINOR  one disk
//
// Built on block:block_io_start, which runs where the request is accounted
// (in the context of the submitter: its kstack is the path that made the
// I/O), and block:block_rq_issue; requests are matched by device and sector.
//
// Example (a real run: 20 direct 4 KiB reads from a loop device):
//   $ stratoshark biostacks 7 0
//   Tracing block I/O with init stacks. Hit Ctrl-C to end.
//   ^C
//   @usecs[
//       blk_account_io_start+329
//       blk_mq_submit_bio+880
//       __submit_bio+130
//       submit_bio_noacct_nocheck+627
//       submit_bio_wait+89
//       __blkdev_direct_IO_simple+452
//       blkdev_read_iter+226
//       vfs_read+676
//       __x64_sys_pread64+163
//       do_syscall_64+113
//       entry_SYSCALL_64_after_hwframe+118
//   ]:
//   [0]                   19 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|
//   [1]                    0 |                                                    |
//   [2, 4)                 0 |                                                    |
//   [4, 8)                 0 |                                                    |
//   [8, 16)                1 |@@                                                  |
BEGIN
{
  printf("Tracing block I/O with init stacks. Hit Ctrl-C to end.\n");
}

tracepoint:block:block_io_start
/$# == 0 || args->dev == ($1 << 20 | $2)/
{
  @reqstack[args->dev, args->sector] = kstack;
  @reqts[args->dev, args->sector] = nsecs;
}

tracepoint:block:block_rq_issue
/@reqts[args->dev, args->sector]/
{
  @usecs[@reqstack[args->dev, args->sector]] = hist((nsecs - @reqts[args->dev, args->sector]) / 1000);
  delete(@reqstack[args->dev, args->sector]);
  delete(@reqts[args->dev, args->sector]);
}

END
{
  clear(@reqstack);
  clear(@reqts);
}
