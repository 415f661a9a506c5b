BEGIN { @x = 99999999999999999999999; }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}integer_overflow.ss:1:14: error: integer literal '99999999999999999999999' does not fit in 64 bits
// CHECK-NEXT:    1 | BEGIN { @x = 99999999999999999999999; }
// CHECK-NEXT:      |              ^~~~~~~~~~~~~~~~~~~~~~~
// CHECK-NEXT:hint: the largest integer is 18446744073709551615 (0xffffffffffffffff)
