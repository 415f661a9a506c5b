tracepoint:syscalls:sys_enter_openat { @[pid << 64] = count(); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}constant_shift_range.ss:1:49: error: a shift by 64 is outside 0 to 63
// CHECK-NEXT:    1 | tracepoint:syscalls:sys_enter_openat { @[pid << 64] = count(); }
// CHECK-NEXT:      |                                                 ^~
// CHECK-NEXT:hint: integers are 64 bits wide; shift by less than 64
