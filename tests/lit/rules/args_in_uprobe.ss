uprobe:bash:readline { @x = args.len; }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}args_in_uprobe.ss:1:29: error: 'args' is not available in uprobe probes
// CHECK-NEXT:    1 | uprobe:bash:readline { @x = args.len; }
// CHECK-NEXT:      |                             ^~~~
// CHECK-NEXT:hint: args holds tracepoint arguments; use it in tracepoint:CATEGORY:EVENT probes
