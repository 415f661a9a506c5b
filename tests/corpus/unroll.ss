// unroll copies its block: the instruction estimate counts every copy.
tracepoint:syscalls:sys_enter_read {
  $n = 0;
  unroll(20) { $n += 1; if (pid > 100) { @big[$n % 3] = count(); } @reads[$n % 3] = count(); }
  if ($n == 1) { return; } else if ($n == 2) { @two = count(); } else { @other = count(); }
}
