tracepoint:syscalls:sys_enter_read { @calls = count(); @total = sum(args.count); @smallest = min(args.count); @largest = max(args.count); @mean = avg(args.count); @per[comm] = count(); }
