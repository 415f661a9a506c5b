BEGIN { $a = (uint8[4])0x01020304; print($a[4]); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}array_index_out_of_bounds.ss:1:45: error: the index 4 is out of bounds for uint8[4] of 4 elements
// CHECK-NEXT:    1 | BEGIN { $a = (uint8[4])0x01020304; print($a[4]); }
// CHECK-NEXT:      |                                             ^
// CHECK-NEXT:hint: indexes run from 0 to 3
