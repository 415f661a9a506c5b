tracepoint:syscalls:sys_enter_openat /comm == "victim"/ { signal("SIGKILL"); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}signal_without_unsafe.ss:1:59: error: signal() is unsafe: it sends a signal to the traced process; it is allowed only with --unsafe
// CHECK-NEXT:    1 | tracepoint:syscalls:sys_enter_openat /comm == "victim"/ { signal("SIGKILL"); }
// CHECK-NEXT:      |                                                           ^~~~~~~~~~~~~~~~~
// CHECK-NEXT:hint: run stratoshark --unsafe if you mean it
