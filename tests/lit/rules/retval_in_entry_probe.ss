uprobe:bash:readline { @x = retval; }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}retval_in_entry_probe.ss:1:29: error: 'retval' is not available in uprobe probes
// CHECK-NEXT:    1 | uprobe:bash:readline { @x = retval; }
// CHECK-NEXT:      |                             ^~~~~~
// CHECK-NEXT:hint: retval exists where a function returns: kretprobe, uretprobe and fexit
