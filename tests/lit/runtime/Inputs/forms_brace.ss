BEGIN { printf("begin\n") }
tracepoint:syscalls:sys_enter_openat /comm == "ss_forms"/ {
  @opens[comm] = count();
  @n = @n + 1;
  if (@n > 0) { printf("open %s %d\n", comm, @n > 0) } else { printf("never\n") }
}
END { printf("end %d\n", @n) }
