BEGIN { $t = (1, 2); print($t.2); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}tuple_element_out_of_range.ss:1:31: error: (int64, int64) has no element 2: its elements are 0 to 1
// CHECK-NEXT:    1 | BEGIN { $t = (1, 2); print($t.2); }
// CHECK-NEXT:      |                               ^
// CHECK-NEXT:hint: tuple elements are numbered from 0
