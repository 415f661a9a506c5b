tracepoint:syscalls:sys_enter_openat { printf("%r\n", buf(args.filename, 100)); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}buf_too_long.ss:1:74: error: buf() can read 0 to 64 bytes here, not 100
// CHECK-NEXT:    1 | tracepoint:syscalls:sys_enter_openat { printf("%r\n", buf(args.filename, 100)); }
// CHECK-NEXT:      |                                                                          ^~~
// CHECK-NEXT:hint: raise max_strlen (config = { max_strlen = 256 }) for longer buffers
