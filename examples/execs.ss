#!/usr/bin/env stratoshark
// execs: every program started, with the path it was started from.
// Shows tracepoint arguments (args.filename is a __data_loc string in the
// sched_process_exec record; args.pid an integer).
//
//   ls        /usr/bin/ls         pid 4123
tracepoint:sched:sched_process_exec {
  printf("%-10s %-30s pid %d\n", comm, args.filename, args.pid);
}
