tracepoint:syscalls:sys_enter_openat { @last[tid] = nsecs; @name[tid] = comm; }
tracepoint:syscalls:sys_exit_openat /@last[tid] != 0/ { @latency = avg(nsecs - @last[tid]); printf("%s took %d\n", @name[tid], nsecs - @last[tid]); }
