BEGIN { @x = cuont(); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}unknown_function.ss:1:14: error: unknown function 'cuont'
// CHECK-NEXT:    1 | BEGIN { @x = cuont(); }
// CHECK-NEXT:      |              ^~~~~
// CHECK-NEXT:hint: did you mean 'count'?{{.*}}
