BEGIN { @x = count(1); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}wrong_arg_count.ss:1:14: error: count() takes 0 arguments, but 1 was given
// CHECK-NEXT:    1 | BEGIN { @x = count(1); }
// CHECK-NEXT:      |              ^~~~~~~~
// CHECK-NEXT:hint: usage: @m = count()
