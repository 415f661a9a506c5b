BEGIN { printf("%d %d\n", pid); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}format_too_few.ss:1:9: error: printf() format has 2 conversions but 1 argument was given
// CHECK-NEXT:    1 | BEGIN { printf("%d %d\n", pid); }
// CHECK-NEXT:      |         ^~~~~~~~~~~~~~~~~~~~~~
// CHECK-NEXT:hint: add the missing arguments, or write %% for a literal '%'
