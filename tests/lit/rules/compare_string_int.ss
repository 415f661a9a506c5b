tracepoint:syscalls:sys_enter_openat /comm == 1/ { @x = count(); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}compare_string_int.ss:1:39: error: cannot compare string[16] with int64: 'comm' vs '1'
// CHECK-NEXT:    1 | tracepoint:syscalls:sys_enter_openat /comm == 1/ { @x = count(); }
// CHECK-NEXT:      |                                       ^~~~~~~~~
// CHECK-NEXT:hint: both sides of == and != must be strings, or both integers
