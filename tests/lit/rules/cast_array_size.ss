BEGIN { $a = (uint8[3])1000000000000; }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}cast_array_size.ss:1:14: error: cannot cast '0xe8d4a51000' of type int64 to uint8[3]
// CHECK-NEXT:    1 | BEGIN { $a = (uint8[3])1000000000000; }
// CHECK-NEXT:      |              ^~~~~~~~~~~~~~~~~~~~~~~
// CHECK-NEXT:hint: both sides of an array cast must have the same size: int64 has 8 bytes, uint8[3] has 3
