BEGIN { print(kstack(pretty)); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}stack_bad_mode.ss:1:22: error: 'pretty' is not a stack mode
// CHECK-NEXT:    1 | BEGIN { print(kstack(pretty)); }
// CHECK-NEXT:      |                      ^~~~~~
// CHECK-NEXT:hint: the modes are bpftrace (the default, unless the config block's stack_mode says otherwise), perf and raw
