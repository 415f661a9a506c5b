BEGIN { printf("%d\n", comm); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}format_type_mismatch.ss:1:24: error: %d needs an integer, but 'comm' is string[16]
// CHECK-NEXT:    1 | BEGIN { printf("%d\n", comm); }
// CHECK-NEXT:      |                        ^~~~
// CHECK-NEXT:hint: use %s for strings
