BEGIN { if (filter("tcp")) { exit(); } }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}filter_outside_network.ss:1:13: error: filter() is only available in network probes
// CHECK-NEXT:    1 | BEGIN { if (filter("tcp")) { exit(); } }
// CHECK-NEXT:      |             ^~~~~~~~~~~~~
// CHECK-NEXT:hint: packets are seen by socket:IFACE, tc:IFACE:ingress|egress and xdp:IFACE probes, e.g. socket:eth0 /tcp/ { @[tcp.dport] = count(); }
