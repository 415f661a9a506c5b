tracepoint:syscalls:sys_enter_open* { @[probe] = count(); }
