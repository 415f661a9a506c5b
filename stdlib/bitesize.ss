#!/usr/bin/env stratoshark
// bitesize: sizes of block I/O requests, per process, as power-of-two
// histograms in bytes, printed at Ctrl-C.
//
// Usage: stratoshark bitesize
//
// Example (a real run: 3 direct reads of 4 KiB and 2 of 64 KiB):
//   EXAMPLE
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
