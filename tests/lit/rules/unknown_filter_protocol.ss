socket:lo /filter("tcpx or udp")/ { @x = count(); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}unknown_filter_protocol.ss:1:20: error: 'tcpx' needs a qualifier
// CHECK-NEXT:    1 | socket:lo /filter("tcpx or udp")/ { @x = count(); }
// CHECK-NEXT:      |                    ^~~~
// CHECK-NEXT:hint: write e.g. 'host NAME', 'port NAME' or 'ether host MAC'; host names are not resolved
