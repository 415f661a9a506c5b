BEGIN { $f = "%d\n"; printf($f, 1); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}format_not_literal.ss:1:29: error: printf() needs a string literal as its format
// CHECK-NEXT:    1 | BEGIN { $f = "%d\n"; printf($f, 1); }
// CHECK-NEXT:      |                             ^~
// CHECK-NEXT:hint: write the format in quotes: printf("%d\n", pid)
