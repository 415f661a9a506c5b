uprobe:/bin/bash:readline { print(reg("eip")); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}reg_unknown_register.ss:1:39: error: 'eip' is not an x86-64 register
// CHECK-NEXT:    1 | uprobe:/bin/bash:readline { print(reg("eip")); }
// CHECK-NEXT:      |                                       ^~~~~
// CHECK-NEXT:hint: registers: ip sp bp ax bx cx dx si di r8 .. r15 flags cs ss orig_ax
