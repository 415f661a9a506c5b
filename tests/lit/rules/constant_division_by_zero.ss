BEGIN { @x = 10 / (5 - 5); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}constant_division_by_zero.ss:1:14: error: the constant expression '(10 / (5 - 5))' has no 64-bit value: it divides by zero
// CHECK-NEXT:    1 | BEGIN { @x = 10 / (5 - 5); }
// CHECK-NEXT:      |              ^~~~~~~~~~~~
// CHECK-NEXT:hint: a constant divisor must not be 0 (at run time, x / 0 gives 0 as in the kernel)
