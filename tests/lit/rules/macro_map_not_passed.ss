macro record(x) { @seen[x] = 1; }
BEGIN { record(pid); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}macro_map_not_passed.ss:1:19: error: macro 'record' uses @seen, which is not one of its parameters
// CHECK-NEXT:    1 | macro record(x) { @seen[x] = 1; }
// CHECK-NEXT:      |                   ^~~~~
// CHECK-NEXT:{{.*}}macro_map_not_passed.ss:2:9: note: 'record' is expanded here
// CHECK-NEXT:    2 | BEGIN { record(pid); }
// CHECK-NEXT:      |         ^~~~~~~~~~~
// CHECK-NEXT:hint: a macro sees only the maps passed to it: add @seen to its parameters and pass the map
