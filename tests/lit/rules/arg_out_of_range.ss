uprobe:bash:readline { @x = arg9; }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}arg_out_of_range.ss:1:29: error: uprobe probes have 6 positional arguments, arg0 to arg5; 'arg9' is beyond them
// CHECK-NEXT:    1 | uprobe:bash:readline { @x = arg9; }
// CHECK-NEXT:      |                             ^~~~
// CHECK-NEXT:hint: only the six arguments passed in registers are readable
