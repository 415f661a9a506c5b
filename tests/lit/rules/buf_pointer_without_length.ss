tracepoint:syscalls:sys_enter_openat { printf("%r\n", buf(args.filename)); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}buf_pointer_without_length.ss:1:55: error: buf() of a pointer needs the number of bytes
// CHECK-NEXT:    1 | tracepoint:syscalls:sys_enter_openat { printf("%r\n", buf(args.filename)); }
// CHECK-NEXT:      |                                                       ^~~~~~~~~~~~~~~~~~
// CHECK-NEXT:hint: write buf(args.filename, 16)
