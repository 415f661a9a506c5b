BEGIN { system("rm -rf /tmp/nothing-here"); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}system_without_unsafe.ss:1:9: error: system() is unsafe: it runs a shell command on this machine for every event; it is allowed only with --unsafe
// CHECK-NEXT:    1 | BEGIN { system("rm -rf /tmp/nothing-here"); }
// CHECK-NEXT:      |         ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
// CHECK-NEXT:hint: run stratoshark --unsafe if you mean it
