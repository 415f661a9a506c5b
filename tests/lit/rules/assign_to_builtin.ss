BEGIN { pid = 1; }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}assign_to_builtin.ss:1:13: error: unexpected '=', expected '}'
// CHECK-NEXT:    1 | BEGIN { pid = 1; }
// CHECK-NEXT:      |             ^
// CHECK-NEXT:hint: only maps (@name, @name[key]) and variables ($name) can be assigned to
