BEGIN { @x = 1; }
END { @x = "one"; }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}map_value_types.ss:2:12: error: map @x is assigned two different types: string[4] here, int64 before
// CHECK-NEXT:    2 | END { @x = "one"; }
// CHECK-NEXT:      |            ^~~~~
// CHECK-NEXT:{{.*}}map_value_types.ss:1:14: note: @x was first assigned int64 here
// CHECK-NEXT:    1 | BEGIN { @x = 1; }
// CHECK-NEXT:      |              ^
// CHECK-NEXT:hint: a map holds one type of value; use a second map for the other values
