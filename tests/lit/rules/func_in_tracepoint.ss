tracepoint:syscalls:sys_enter_openat { print(func); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}func_in_tracepoint.ss:1:46: error: 'func' is not available in tracepoint probes
// CHECK-NEXT:    1 | tracepoint:syscalls:sys_enter_openat { print(func); }
// CHECK-NEXT:      |                                              ^~~~
// CHECK-NEXT:hint: func names the probed function in kprobe, uprobe and fentry probes (and their return probes); 'probe' names any probe
