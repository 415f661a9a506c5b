BEGIN { @x = 1;

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}missing_brace.ss:1:7: error: block opened with '{' is never closed
// CHECK-NEXT:    1 | BEGIN { @x = 1;
// CHECK-NEXT:      |       ^
// CHECK-NEXT:hint: add '}' after the block's last statement
