BEGIN { return 1; }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}return_value_in_probe.ss:1:16: error: a probe's 'return' takes no value
// CHECK-NEXT:    1 | BEGIN { return 1; }
// CHECK-NEXT:      |                ^
// CHECK-NEXT:hint: 'return;' ends the probe; values are returned from functions: fn name(): int64 { return 1; }
