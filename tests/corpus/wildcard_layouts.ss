// open and openat keep flags at different offsets: one program per layout.
tracepoint:syscalls:sys_enter_open, tracepoint:syscalls:sys_enter_openat { @flags[probe] = sum(args.flags); }
