uprobe:/no/such/binary:main { @x = count(); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}uprobe_missing_binary.ss:1:1: error: cannot find binary '/no/such/binary': /no/such/binary does not exist or is not a file
// CHECK-NEXT:    1 | uprobe:/no/such/binary:main { @x = count(); }
// CHECK-NEXT:      | ^~~~~~~~~~~~~~~~~~~~~~~~~~~
// CHECK-NEXT:hint: give an absolute path, a program on $PATH or a library name such as libc
