BEGIN { print(strcontains(comm, 5)); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}strcontains_not_string.ss:1:33: error: strcontains() needs a string, but '5' is int64
// CHECK-NEXT:    1 | BEGIN { print(strcontains(comm, 5)); }
// CHECK-NEXT:      |                                 ^
// CHECK-NEXT:hint: read one from memory with str(ptr)
