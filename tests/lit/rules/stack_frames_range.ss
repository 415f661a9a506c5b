BEGIN { print(ustack(0)); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}stack_frames_range.ss:1:22: error: the frames of ustack() must be a constant from 1 to 127
// CHECK-NEXT:    1 | BEGIN { print(ustack(0)); }
// CHECK-NEXT:      |                      ^
// CHECK-NEXT:hint: e.g. ustack(5) or ustack(perf, 5)
