tracepoint:syscalls:sys_enter_openat { @opens[comm] = count(); }
