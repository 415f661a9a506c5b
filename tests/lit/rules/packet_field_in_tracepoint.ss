tracepoint:syscalls:sys_enter_openat { @[tcp.dport] = count(); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}packet_field_in_tracepoint.ss:1:42: error: 'tcp.dport' is only available in network probes
// CHECK-NEXT:    1 | tracepoint:syscalls:sys_enter_openat { @[tcp.dport] = count(); }
// CHECK-NEXT:      |                                          ^~~~~~~~~
// CHECK-NEXT:hint: packets are seen by socket:IFACE, tc:IFACE:ingress|egress and xdp:IFACE probes, e.g. socket:eth0 /tcp/ { @[tcp.dport] = count(); }
