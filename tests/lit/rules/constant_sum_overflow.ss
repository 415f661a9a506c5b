BEGIN { @x = 9223372036854775807 + 1; }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}constant_sum_overflow.ss:1:14: error: the constant expression '(0x7fffffffffffffff + 1)' has no 64-bit value: the sum overflows 64 bits
// CHECK-NEXT:    1 | BEGIN { @x = 9223372036854775807 + 1; }
// CHECK-NEXT:      |              ^~~~~~~~~~~~~~~~~~~~~~~
// CHECK-NEXT:hint: integers are 64-bit signed; use smaller constants or compute at run time
