tracepoint:syscalls:sys_enter_openat { @[args.filenme] = count(); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}unknown_field.ss:1:47: error: tracepoint:syscalls:sys_enter_openat has no field 'filenme'
// CHECK-NEXT:    1 | tracepoint:syscalls:sys_enter_openat { @[args.filenme] = count(); }
// CHECK-NEXT:      |                                               ^~~~~~~
// CHECK-NEXT:hint: did you mean 'filename'?{{.*}}
