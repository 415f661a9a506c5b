fn name(): int64 { return comm; }
BEGIN { @x = name(); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}fn_return_type.ss:1:27: error: function 'name' returns int64, but 'comm' is string[16]
// CHECK-NEXT:    1 | fn name(): int64 { return comm; }
// CHECK-NEXT:      |                           ^~~~
// CHECK-NEXT:{{.*}}fn_return_type.ss:1:1: note: 'name' is declared here
// CHECK-NEXT:    1 | fn name(): int64 { return comm; }
// CHECK-NEXT:      | ^~~~~~~~~~~~~~~~
// CHECK-NEXT:{{.*}}fn_return_type.ss:2:14: note: in the function 'name' called here
// CHECK-NEXT:    2 | BEGIN { @x = name(); }
// CHECK-NEXT:      |              ^~~~~~
// CHECK-NEXT:hint: convert it with a cast, e.g. (int64)value
