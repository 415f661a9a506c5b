BEGIN { print(curtask->pidd); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}struct_unknown_field.ss:1:24: error: struct task_struct has no field 'pidd'
// CHECK-NEXT:    1 | BEGIN { print(curtask->pidd); }
// CHECK-NEXT:      |                        ^~~~
// CHECK-NEXT:hint: did you mean 'pid'?
