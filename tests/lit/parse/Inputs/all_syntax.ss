#!/usr/bin/env stratoshark
// Line comment.
/* Block
   comment. */
tracepoint:syscalls:sys_enter_openat,
tracepoint:syscalls:sys_enter_close
/pid != 0 && !(comm == "init")/
{
  @opens[comm, pid] = count();
  $x = 0xff * 2 + -3 % ~4;
  @total += $x & 0b1111 | 1 ^ 1 << 2;
  @n++;
  $x--;
  printf("%s %d\n", comm, args->filename)
}

interval:s:1 < exit() >
