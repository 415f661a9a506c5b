BEGIN { print(pton("1.2.3")); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}pton_bad_address.ss:1:20: error: '1.2.3' is not an IPv4 address
// CHECK-NEXT:    1 | BEGIN { print(pton("1.2.3")); }
// CHECK-NEXT:      |                    ^~~~~~~
// CHECK-NEXT:hint: write 1.2.3.4 or an IPv6 address such as fd00::1
