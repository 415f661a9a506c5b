BEGIN { $s = "a" + 1; }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}string_plus_int.ss:1:18: error: operator '+' does not apply to strings
// CHECK-NEXT:    1 | BEGIN { $s = "a" + 1; }
// CHECK-NEXT:      |                  ^
// CHECK-NEXT:hint: strings support only == and !=
