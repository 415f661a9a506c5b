BEGIN { printf("%r\n", 1); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}percent_r_of_integer.ss:1:24: error: %r needs a buffer (buf()) or a string, but '1' is int64
// CHECK-NEXT:    1 | BEGIN { printf("%r\n", 1); }
// CHECK-NEXT:      |                        ^
// CHECK-NEXT:hint: read bytes with buf(ptr, n): printf("%r", buf(p, 16))
