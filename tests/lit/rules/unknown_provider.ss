kprobex:do_nanosleep { @x = count(); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}unknown_provider.ss:1:1: error: unknown probe type 'kprobex'
// CHECK-NEXT:    1 | kprobex:do_nanosleep { @x = count(); }
// CHECK-NEXT:      | ^~~~~~~
// CHECK-NEXT:hint: did you mean 'kprobe'?{{.*}}
