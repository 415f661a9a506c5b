BEGIN { @start = nsecs; }
tracepoint:syscalls:sys_enter_write { @writes[comm] = count(); }
tracepoint:syscalls:sys_exit_write /args.ret < 0/ { @errors[comm, args.ret] = count(); }
interval:s:1 { printf("%d writes so far\n", @n); @n++; }
END { printf("ran %d ns\n", nsecs - @start); }
