// execve: the argument vector joined, the path's first bytes, the stacks.
tracepoint:syscalls:sys_enter_execve {
  join(args.argv);
  join(args.argv, ",");
  printf("%r\n", buf(args.filename, 8));
  @[comm, kstack(3), ustack(2)] = count();
}
