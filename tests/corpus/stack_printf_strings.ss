// Nine 64-byte strings in one printf: 576 bytes if built on the stack.
tracepoint:sched:sched_process_exec {
  printf("%s %s %s %s %s %s %s %s %s\n", args.filename, args.filename, args.filename, args.filename,
         args.filename, args.filename, args.filename, args.filename, args.filename);
}
