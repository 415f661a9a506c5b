BEGIN { @x = count() + 1; }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}aggregation_in_expression.ss:1:14: error: count() can only be assigned to a map
// CHECK-NEXT:    1 | BEGIN { @x = count() + 1; }
// CHECK-NEXT:      |              ^~~~~~~
// CHECK-NEXT:hint: write @name = count(...) or @name[key] = count(...)
