// String map values, string ternaries and comparisons: 10 buffers of 64 bytes.
tracepoint:sched:sched_process_exec {
  @p[pid] = args.filename;
  @q[pid] = args.filename == "/bin/sh" ? args.filename : args.filename;
  @r[tid] = @p[pid];
  @s[tid] = @q[pid] != @r[tid] ? @p[pid] : @q[pid];
}
