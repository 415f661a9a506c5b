macro bump($v) { $v += 1; }
BEGIN { bump(1 + 1); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}macro_variable_parameter.ss:2:14: error: macro 'bump' takes a variable as argument 1 ($v), not an expression
// CHECK-NEXT:    2 | BEGIN { bump(1 + 1); }
// CHECK-NEXT:      |              ^~~~~
// CHECK-NEXT:{{.*}}macro_variable_parameter.ss:1:12: note: parameter 1 of 'bump' is declared here
// CHECK-NEXT:    1 | macro bump($v) { $v += 1; }
// CHECK-NEXT:      |            ^~
// CHECK-NEXT:hint: pass a variable ($x); parameters without '$' or '@' take expressions
