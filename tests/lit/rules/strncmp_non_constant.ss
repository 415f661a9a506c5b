BEGIN { $n = 3; print(strncmp(comm, "bash", $n)); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}strncmp_non_constant.ss:1:45: error: strncmp() needs a constant length of 0 or more, but '$n' is not one
// CHECK-NEXT:    1 | BEGIN { $n = 3; print(strncmp(comm, "bash", $n)); }
// CHECK-NEXT:      |                                             ^~
// CHECK-NEXT:hint: the comparison is unrolled when the program is compiled: strncmp(comm, "bash", 4)
