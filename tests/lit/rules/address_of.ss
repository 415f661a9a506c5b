BEGIN { $x = 1; print(&$x); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}address_of.ss:1:23: error: the address-of operator '&' is not supported
// CHECK-NEXT:    1 | BEGIN { $x = 1; print(&$x); }
// CHECK-NEXT:      |                       ^~~
// CHECK-NEXT:hint: read through pointers with * and ->; kaddr("sym") gives a kernel symbol's address
