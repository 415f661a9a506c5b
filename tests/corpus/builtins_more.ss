// Builtins and functions of the complete language.
BEGIN {
  printf("%d %d %d %d %d %d\n", elapsed, numaid, cgroup, curtask, rand, jiffies);
  printf("%d %d %d %d\n", nsecs(monotonic), nsecs(boot), nsecs(tai), nsecs());
  exit();
}
tracepoint:syscalls:sys_enter_openat { @files[str(args.filename)] = count(); @short[str(args.filename, 8)] = count(); }
