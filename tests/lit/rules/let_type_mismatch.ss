BEGIN { let $n: uint32 = comm; }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}let_type_mismatch.ss:1:26: error: $n is declared uint32, but 'comm' is string[16]
// CHECK-NEXT:    1 | BEGIN { let $n: uint32 = comm; }
// CHECK-NEXT:      |                          ^~~~
// CHECK-NEXT:hint: convert it with a cast, e.g. (uint32)value
