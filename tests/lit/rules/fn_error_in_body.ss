fn label($n: int64): string { return $n + "s"; }
BEGIN { printf("%s\n", label(3)); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}fn_error_in_body.ss:1:41: error: operator '+' does not apply to strings
// CHECK-NEXT:    1 | fn label($n: int64): string { return $n + "s"; }
// CHECK-NEXT:      |                                         ^
// CHECK-NEXT:{{.*}}fn_error_in_body.ss:2:24: note: in the function 'label' called here
// CHECK-NEXT:    2 | BEGIN { printf("%s\n", label(3)); }
// CHECK-NEXT:      |                        ^~~~~~~~
// CHECK-NEXT:hint: strings support only == and !=
