BEGIN { let $n = 1; let $n = 2; printf("%d\n", $n); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}let_declared_twice.ss:1:25: error: $n is declared twice in this block
// CHECK-NEXT:    1 | BEGIN { let $n = 1; let $n = 2; printf("%d\n", $n); }
// CHECK-NEXT:      |                         ^~
// CHECK-NEXT:hint: assign it ($x = ...) instead of declaring it again, or use another name
