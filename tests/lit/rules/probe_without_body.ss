BEGIN

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}probe_without_body.ss:8:1: error: unexpected end of input, expected '{' or '<' opening a block
// CHECK-NEXT:    8 | 
// CHECK-NEXT:      | ^
// CHECK-NEXT:hint: each probe needs a body: attach-point [/predicate/] { statements } or < statements >
