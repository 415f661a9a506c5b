profile:hz:0 { @x = count(); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}profile_bad_rate.ss:1:1: error: malformed profile probe 'profile:hz:0': '0' is not a positive integer
// CHECK-NEXT:    1 | profile:hz:0 { @x = count(); }
// CHECK-NEXT:      | ^~~~~~~~~~~~
// CHECK-NEXT:hint: write profile:UNIT:N with UNIT one of s, ms, us, hz, e.g. profile:hz:99
