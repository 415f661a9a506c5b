BEGIN { printf("%d\n", args.flags); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}args_in_begin.ss:1:24: error: 'args' is not available in BEGIN probes
// CHECK-NEXT:    1 | BEGIN { printf("%d\n", args.flags); }
// CHECK-NEXT:      |                        ^~~~
// CHECK-NEXT:hint: args holds tracepoint arguments; use it in tracepoint:CATEGORY:EVENT probes
