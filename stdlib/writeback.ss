#!/usr/bin/env stratoshark
// writeback: each time the kernel writes dirty pages back to a device: the
// device's backing-dev name (major:minor), the page budget the writeback
// work had left when it ended (nr_pages; a sync starts from the number of
// dirty pages in the system), why it ran (background, vmscan, sync,
// periodic, ...), and how long it took in milliseconds with three decimals.
//
// Usage: stratoshark writeback
//
// Example (a real run: 4 MiB written to a file on an ext4 loop device, then
// syncfs()):
//   Tracing writeback. Hit Ctrl-C to end.
//   TIME(ms)  DEVICE   PAGES    REASON           ms
//   12        7:0      51630    sync             1.340
//   12        7:0      51630    sync             0.000
//   12        7:0      52054    periodic         0.000
BEGIN
{
  printf("Tracing writeback. Hit Ctrl-C to end.\n");
  printf("%-9s %-8s %-8s %-16s %s\n", "TIME(ms)", "DEVICE", "PAGES", "REASON", "ms");
  @reason[0] = "background";
  @reason[1] = "vmscan";
  @reason[2] = "sync";
  @reason[3] = "periodic";
  @reason[4] = "laptop_timer";
  @reason[5] = "fs_free_space";
  @reason[6] = "forker_thread";
  @reason[7] = "foreign_flush";
}

tracepoint:writeback:writeback_start
{
  @start[args->sb_dev] = nsecs;
}

tracepoint:writeback:writeback_written
{
  $sb_dev = args->sb_dev;
  $s = @start[$sb_dev];
  delete(@start[$sb_dev]);
  $us = $s ? (nsecs - $s) / 1000 : 0;
  printf("%-9d %-8s %-8d %-16s %d.%03d\n", elapsed / 1000000, args->name, args->nr_pages, @reason[args->reason],
         $us / 1000, $us % 1000);
}

END
{
  clear(@reason);
  clear(@start);
}
