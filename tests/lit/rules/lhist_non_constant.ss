tracepoint:syscalls:sys_enter_read { $m = 100; @h = lhist(args.count, 0, $m, 10); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}lhist_non_constant.ss:1:74: error: non-constant max '$m' where a constant is needed: lhist() fixes its buckets when the program is compiled
// CHECK-NEXT:    1 | tracepoint:syscalls:sys_enter_read { $m = 100; @h = lhist(args.count, 0, $m, 10); }
// CHECK-NEXT:      |                                                                          ^~
// CHECK-NEXT:hint: write a number, e.g. lhist(n, 0, 100, 10)
