// System calls by number, from the raw tracepoint (arg1 is the number).
rawtracepoint:sys_enter { @[arg1] = count(); }
rawtracepoint:sched_switch /arg0 == 0/ { @preempted = count(); }
