tracepoint:nosuchsystem:* { @x = count(); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}wildcard_no_match.ss:1:1: error: no tracepoint matches 'tracepoint:nosuchsystem:*'
// CHECK-NEXT:    1 | tracepoint:nosuchsystem:* { @x = count(); }
// CHECK-NEXT:      | ^~~~~~~~~~~~~~~~~~~~~~~~~
// CHECK-NEXT:hint: list the available ones with: stratoshark -l 'tracepoint:nosuchsystem:*'
