tracepoint:syscalls:sys_enter_openat /pid > 1/ { @[pid, args.flags & 0x40] = count(); @bytes = sum(args.mode); }
