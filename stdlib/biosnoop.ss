#!/usr/bin/env stratoshark
// biosnoop: one line per block I/O request as it completes: the device
// (major,minor), read or write (rwbs: R read, W write, S sync, M metadata,
// F flush...), the process that issued it, the first sector, the size and
// the latency from issue to completion in microseconds.
//
// Usage: stratoshark biosnoop              every disk
//        stratoshark biosnoop MAJOR MINOR  one disk (see `lsblk`)
//
// Example (a real run: 3 direct reads of 4 KiB from a loop device):
//   Tracing block I/O. Hit Ctrl-C to end.
//   TIME(ms)  DEV     RWBS COMM             PID         SECTOR   BYTES  LAT(us)
//   3           7,0   RS   myapp            4523             0    4096      218
//   3           7,0   RS   myapp            4523             8    4096       20
//   3           7,0   RS   myapp            4523            16    4096        3
//   3           7,0   RS   myapp            4523             0   65536       37
//   3           7,0   RS   myapp            4523           128   65536      121
BEGIN
{
  printf("Tracing block I/O. Hit Ctrl-C to end.\n");
  printf("%-9s %-7s %-4s %-16s %-7s %10s %7s %8s\n", "TIME(ms)", "DEV", "RWBS", "COMM", "PID", "SECTOR", "BYTES", "LAT(us)");
}

tracepoint:block:block_rq_issue
/$# == 0 || args->dev == ($1 << 20 | $2)/
{
  @start[args->dev, args->sector] = nsecs;
  @iopid[args->dev, args->sector] = pid;
  @iocomm[args->dev, args->sector] = comm;
}

tracepoint:block:block_rq_complete
/@start[args->dev, args->sector]/
{
  $dev = args->dev;
  $sector = args->sector;
  printf("%-9d %3d,%-3d %-4s %-16s %-7d %10d %7d %8d\n", elapsed / 1000000, $dev >> 20, $dev & 0xfffff, args->rwbs,
         @iocomm[$dev, $sector], @iopid[$dev, $sector], $sector, args->nr_sector * 512,
         (nsecs - @start[$dev, $sector]) / 1000);
  delete(@start[$dev, $sector]);
  delete(@iopid[$dev, $sector]);
  delete(@iocomm[$dev, $sector]);
}

END
{
  clear(@start);
  clear(@iopid);
  clear(@iocomm);
}
