// Two tuple keys of 6 strings (384 bytes each) in one probe.
tracepoint:sched:sched_process_exec {
  @a[args.filename, args.filename, args.filename, args.filename, args.filename, args.filename] = count();
  @b[comm, args.filename, args.filename, args.filename, args.filename, args.filename, args.filename] = count();
}
