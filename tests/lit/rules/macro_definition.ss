macro add_one(x) { x + 1 }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}macro_definition.ss:1:1: error: user-defined macros (macro NAME(...) { ... }) are not supported
// CHECK-NEXT:    1 | macro add_one(x) { x + 1 }
// CHECK-NEXT:      | ^~~~~~~~~~~~~
// CHECK-NEXT:hint: write the code in the probe, or share it between files with #include "file.ss"
