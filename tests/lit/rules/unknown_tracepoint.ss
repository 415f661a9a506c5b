tracepoint:syscalls:sys_enter_nothing_here { @x = count(); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}unknown_tracepoint.ss:1:1: error: tracepoint 'syscalls:sys_enter_nothing_here' does not exist
// CHECK-NEXT:    1 | tracepoint:syscalls:sys_enter_nothing_here { @x = count(); }
// CHECK-NEXT:      | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
// CHECK-NEXT:hint: {{.*}}
