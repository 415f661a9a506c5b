BEGIN { print(curtask * 2); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}pointer_multiply.ss:1:23: error: operator '*' does not apply to pointers ('curtask' is struct task_struct *)
// CHECK-NEXT:    1 | BEGIN { print(curtask * 2); }
// CHECK-NEXT:      |                       ^
// CHECK-NEXT:hint: pointers take + and - an integer; cast to uint64 for other arithmetic
