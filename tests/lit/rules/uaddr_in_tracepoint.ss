tracepoint:syscalls:sys_enter_openat { print(uaddr("main")); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}uaddr_in_tracepoint.ss:1:46: error: uaddr() is not available in tracepoint probes
// CHECK-NEXT:    1 | tracepoint:syscalls:sys_enter_openat { print(uaddr("main")); }
// CHECK-NEXT:      |                                              ^~~~~~~~~~~~~
// CHECK-NEXT:hint: uaddr() names a symbol of the binary a uprobe or usdt probe attaches to
