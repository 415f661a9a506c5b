BEGIN { printf("%d\n", @never_assigned); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}unknown_map_read.ss:1:24: error: map @never_assigned is read but never assigned
// CHECK-NEXT:    1 | BEGIN { printf("%d\n", @never_assigned); }
// CHECK-NEXT:      |                        ^~~~~~~~~~~~~~~
// CHECK-NEXT:hint: assign it somewhere, e.g. @never_assigned = 0;
