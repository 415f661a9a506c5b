fn show($n: int64) { printf("%d\n", $n); return $n; }
BEGIN { show(1); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}fn_void_return_value.ss:1:49: error: function 'show' returns no value
// CHECK-NEXT:    1 | fn show($n: int64) { printf("%d\n", $n); return $n; }
// CHECK-NEXT:      |                                                 ^~
// CHECK-NEXT:{{.*}}fn_void_return_value.ss:1:1: note: defined here without a return type
// CHECK-NEXT:    1 | fn show($n: int64) { printf("%d\n", $n); return $n; }
// CHECK-NEXT:      | ^~~~~~~~~~~~~~~~~~
// CHECK-NEXT:hint: give it a return type, e.g. fn show($n: int64): int64, or write 'return;'
