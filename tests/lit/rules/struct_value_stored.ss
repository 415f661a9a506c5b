BEGIN { $s = *curtask; }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}struct_value_stored.ss:1:14: error: '*curtask' is a whole struct task_struct, which cannot be stored
// CHECK-NEXT:    1 | BEGIN { $s = *curtask; }
// CHECK-NEXT:      |              ^~~~~~~~
// CHECK-NEXT:hint: keep a pointer to it, or read the fields you need: $t = curtask; $t->pid
