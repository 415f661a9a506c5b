BEGIN { print(ntop(3, 0x7f000001)); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}ntop_bad_family.ss:1:20: error: 3 is not an address family ntop() knows
// CHECK-NEXT:    1 | BEGIN { print(ntop(3, 0x7f000001)); }
// CHECK-NEXT:      |                    ^
// CHECK-NEXT:hint: AF_INET is 2, AF_INET6 is 10
