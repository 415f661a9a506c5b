BEGIN { $n = 3; unroll($n) { @x = count(); } }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}unroll_non_constant.ss:1:24: error: unroll() needs a constant count, but '$n' is not one
// CHECK-NEXT:    1 | BEGIN { $n = 3; unroll($n) { @x = count(); } }
// CHECK-NEXT:      |                        ^~
// CHECK-NEXT:hint: use a literal such as unroll(4), or a for ($i : 0..N) loop for more iterations
