// Entry timestamps kept per thread and removed on return; periodic printing and resetting.
tracepoint:syscalls:sys_enter_nanosleep { @start[tid] = nsecs; }
tracepoint:syscalls:sys_exit_nanosleep /has_key(@start, tid)/ {
  @slept[comm] = sum(nsecs - @start[tid]);
  delete(@start[tid]);
  @pending = len(@start);
}
interval:s:1 { print(@slept, 5, 1000); print(@pending); clear(@slept); zero(@calls); }
tracepoint:syscalls:sys_enter_close { @calls[pid] = count(); delete(@start, tid); print(pid); }
