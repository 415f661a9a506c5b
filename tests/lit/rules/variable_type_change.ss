BEGIN { $x = 1; $x = "one"; }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}variable_type_change.ss:1:22: error: variable $x holds int64 but is assigned string[4] here
// CHECK-NEXT:    1 | BEGIN { $x = 1; $x = "one"; }
// CHECK-NEXT:      |                      ^~~~~
// CHECK-NEXT:hint: a variable keeps one type; use another variable
