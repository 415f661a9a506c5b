// Read sizes as power-of-two and linear histograms, per process and overall.
tracepoint:syscalls:sys_enter_read { @bytes = hist(args.count); @by_comm[comm] = hist(args.count); }
tracepoint:syscalls:sys_exit_read /args.ret >= 0/ { @returned = lhist(args.ret, 0, 4096, 256); @stats[comm] = stats(args.ret); }
