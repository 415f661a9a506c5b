fn sign($v: int64): int64 {
  if ($v < 0) { return -1; }
}
BEGIN { @x = sign(-5); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}fn_missing_return.ss:3:1: error: function 'sign' can reach its end without returning a value
// CHECK-NEXT:    3 | }
// CHECK-NEXT:      | ^
// CHECK-NEXT:{{.*}}fn_missing_return.ss:1:1: note: 'sign' returns int64
// CHECK-NEXT:    1 | fn sign($v: int64): int64 {
// CHECK-NEXT:      | ^~~~~~~~~~~~~~~~~~~~~~~~~
// CHECK-NEXT:hint: end every path with return EXPR; (a value of type int64)
