tracepoint:syscalls:sys_enter_openat { print(sarg0); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}sarg_in_tracepoint.ss:1:46: error: 'sarg0' is not available in tracepoint probes
// CHECK-NEXT:    1 | tracepoint:syscalls:sys_enter_openat { print(sarg0); }
// CHECK-NEXT:      |                                              ^~~~~
// CHECK-NEXT:hint: stack arguments are read in kprobe and uprobe probes (from the stack pointer)
