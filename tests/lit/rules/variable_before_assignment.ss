BEGIN { printf("%d\n", $undefined); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}variable_before_assignment.ss:1:24: error: variable $undefined is used before it is assigned
// CHECK-NEXT:    1 | BEGIN { printf("%d\n", $undefined); }
// CHECK-NEXT:      |                        ^~~~~~~~~~
// CHECK-NEXT:hint: assign it earlier in this probe, e.g. $undefined = 0; (variables live for one probe run)
