fn add($a: int64, $b: int64): int64 { return $a + $b; }
BEGIN { @x = add(1); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}fn_argument_count.ss:2:14: error: function 'add' takes 2 arguments, but 1 was given
// CHECK-NEXT:    2 | BEGIN { @x = add(1); }
// CHECK-NEXT:      |              ^~~~~~
// CHECK-NEXT:{{.*}}fn_argument_count.ss:1:1: note: 'add' is defined here
// CHECK-NEXT:    1 | fn add($a: int64, $b: int64): int64 { return $a + $b; }
// CHECK-NEXT:      | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
// CHECK-NEXT:hint: usage: fn add($a: int64, $b: int64): int64
