tracepoint:sched:sched_process_exec { printf("%-16s %s %d\n", comm, args.filename, args.pid); @execs[args.filename] = count(); }
