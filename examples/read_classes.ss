#!/usr/bin/env stratoshark
// read() calls per process and size class, written with a user-defined
// function (the class of a size) and a macro (count and total in one go).
// Ctrl-C to print.
//
// Example output (a process that read 1 byte three times and 1000 bytes twice):
//   @bytes[ss_example]: 2003
//   @reads[ss_example, medium]: 2
//   @reads[ss_example, tiny]: 3
fn size_class($n: int64): string {
  if ($n < 16) { return "tiny"; }
  if ($n < 4096) { return "medium"; }
  return "large";
}

macro account(@calls, @total, key, class, size) {
  @calls[key, class] = count();
  @total[key] = sum(size);
}

tracepoint:syscalls:sys_enter_read {
  account(@reads, @bytes, comm, size_class(args.count), args.count);
}
