rawtracepoint:no_such_tp_here { @x = count(); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}rawtracepoint_unknown.ss:1:1: error: raw tracepoint 'no_such_tp_here' does not exist
// CHECK-NEXT:    1 | rawtracepoint:no_such_tp_here { @x = count(); }
// CHECK-NEXT:      | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~
// CHECK-NEXT:hint: list them with: stratoshark -l 'rawtracepoint:*'
