BEGIN { exit(1, 2); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}exit_too_many_args.ss:1:9: error: exit() takes 0 to 1 arguments, but 2 were given
// CHECK-NEXT:    1 | BEGIN { exit(1, 2); }
// CHECK-NEXT:      |         ^~~~~~~~~~
// CHECK-NEXT:hint: usage: exit([code])
