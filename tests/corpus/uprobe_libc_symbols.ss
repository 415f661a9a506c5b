// uprobe symbols: the function, its address resolved by name, registers and
// the stack argument, user stacks.
uprobe:libc:getppid {
  printf("%s %s %d\n", func, usym(reg("ip")), reg("sp") != 0);
  @calls[func, usym(reg("ip"))] = count();
  @stacks[ustack(perf, 3)] = count();
  @sarg = sarg0;
}
