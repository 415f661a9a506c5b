macro reset($v) { $v = 0; }
BEGIN { $a = 5; @x = reset($a); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}macro_without_value.ss:2:22: error: macro 'reset' has no value, so it cannot be used in an expression
// CHECK-NEXT:    2 | BEGIN { $a = 5; @x = reset($a); }
// CHECK-NEXT:      |                      ^~~~~~~~~
// CHECK-NEXT:{{.*}}macro_without_value.ss:1:1: note: 'reset' is defined here
// CHECK-NEXT:    1 | macro reset($v) { $v = 0; }
// CHECK-NEXT:      | ^~~~~~~~~~~~~~~
// CHECK-NEXT:hint: call it as a statement, or end its body with an expression without ';' to give it a value
