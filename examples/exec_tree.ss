#!/usr/bin/env stratoshark
// exec_tree: every program started, who started it, and its arguments.
// Shows kernel structs from BTF (curtask->real_parent->comm, read with
// CO-RE relocations), join() of execve's argument vector and time().
//
//   12:03:44 bash (4120) -> /bin/ls -l /tmp
tracepoint:syscalls:sys_enter_execve {
  time("%H:%M:%S ");
  printf("%s (%d) -> ", curtask->real_parent->comm, curtask->real_parent->tgid);
  join(args.argv);
}
