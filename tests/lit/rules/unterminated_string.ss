BEGIN { printf("hello); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}unterminated_string.ss:1:16: error: unterminated string literal
// CHECK-NEXT:    1 | BEGIN { printf("hello); }
// CHECK-NEXT:      |                ^~~~~~~~~~
// CHECK-NEXT:hint: add a closing '"' before the end of the line
