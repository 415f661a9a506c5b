uprobe:bash:no_such_function_here { @x = count(); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}uprobe_unknown_symbol.ss:1:1: error: /usr/bin/bash has no function 'no_such_function_here'
// CHECK-NEXT:    1 | uprobe:bash:no_such_function_here { @x = count(); }
// CHECK-NEXT:      | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
// CHECK-NEXT:hint: list them with: stratoshark -l 'uprobe:/usr/bin/bash:*'
