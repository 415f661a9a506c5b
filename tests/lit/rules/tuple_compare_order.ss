BEGIN { print((1, "a") < (2, "b")); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}tuple_compare_order.ss:1:24: error: operator '<' does not apply to (int64, string[2])
// CHECK-NEXT:    1 | BEGIN { print((1, "a") < (2, "b")); }
// CHECK-NEXT:      |                        ^
// CHECK-NEXT:hint: tuples support only == and !=
