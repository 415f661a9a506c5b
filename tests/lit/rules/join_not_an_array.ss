BEGIN { join(comm); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}join_not_an_array.ss:1:14: error: join() needs an array of string pointers (char **), but 'comm' is string[16]
// CHECK-NEXT:    1 | BEGIN { join(comm); }
// CHECK-NEXT:      |              ^~~~
// CHECK-NEXT:hint: e.g. join(args.argv) in tracepoint:syscalls:sys_enter_execve
