tracepoint:syscalls:sys_enter_openat { print(reg("ip")); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}reg_in_tracepoint.ss:1:46: error: reg() is not available in tracepoint probes
// CHECK-NEXT:    1 | tracepoint:syscalls:sys_enter_openat { print(reg("ip")); }
// CHECK-NEXT:      |                                              ^~~~~~~~~
// CHECK-NEXT:hint: registers are read in kprobe and uprobe probes (their context is struct pt_regs)
