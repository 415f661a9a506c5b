fn twice($n: int64): int64 { return $n * 2; }
BEGIN { @x = twice(comm); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}fn_argument_type.ss:2:20: error: argument 1 of 'twice' must be int64, but 'comm' is string[16]
// CHECK-NEXT:    2 | BEGIN { @x = twice(comm); }
// CHECK-NEXT:      |                    ^~~~
// CHECK-NEXT:{{.*}}fn_argument_type.ss:1:10: note: $n is declared int64 here
// CHECK-NEXT:    1 | fn twice($n: int64): int64 { return $n * 2; }
// CHECK-NEXT:      |          ^~
// CHECK-NEXT:{{.*}}fn_argument_type.ss:2:14: note: in the function 'twice' called here
// CHECK-NEXT:    2 | BEGIN { @x = twice(comm); }
// CHECK-NEXT:      |              ^~~~~~~~~~~
// CHECK-NEXT:hint: convert it with a cast, e.g. (int64)value
