BEGIN { @[comn] = count(); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}unknown_builtin.ss:1:11: error: unknown builtin 'comn'
// CHECK-NEXT:    1 | BEGIN { @[comn] = count(); }
// CHECK-NEXT:      |           ^~~~
// CHECK-NEXT:hint: did you mean 'comm'?{{.*}}
