BEGIN { if (comm) { exit(); } }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}condition_is_string.ss:1:13: error: an if condition must be an integer, but 'comm' is string[16]
// CHECK-NEXT:    1 | BEGIN { if (comm) { exit(); } }
// CHECK-NEXT:      |             ^~~~
// CHECK-NEXT:hint: compare strings with == or != to get an integer
