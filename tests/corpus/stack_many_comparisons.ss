// Twelve comparisons of run-time strings with literals.
tracepoint:sched:sched_process_exec {
  if (args.filename == "/usr/bin/ls" || args.filename == "/usr/bin/cat" || args.filename == "/usr/bin/grep" ||
      args.filename == "/usr/bin/sed" || args.filename == "/usr/bin/awk" || args.filename == "/usr/bin/sort" ||
      args.filename == "/usr/bin/head" || args.filename == "/usr/bin/tail" || args.filename == "/usr/bin/cut" ||
      args.filename == "/usr/bin/tr" || args.filename == "/usr/bin/wc" || args.filename == "/usr/bin/uniq") {
    @tools[args.filename] = count();
  }
}
