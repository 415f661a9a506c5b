interval:parsecs:1 { exit(); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}interval_bad_unit.ss:1:1: error: malformed interval probe 'interval:parsecs:1': unknown unit 'parsecs'
// CHECK-NEXT:    1 | interval:parsecs:1 { exit(); }
// CHECK-NEXT:      | ^~~~~~~~~~~~~~~~~~
// CHECK-NEXT:hint: write interval:UNIT:N with UNIT one of s, ms, us, hz, e.g. interval:s:1
