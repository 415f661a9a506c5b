BEGIN { @h = hist(comm); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}hist_of_string.ss:1:19: error: hist() needs an integer, but 'comm' is string[16]
// CHECK-NEXT:    1 | BEGIN { @h = hist(comm); }
// CHECK-NEXT:      |                   ^~~~
// CHECK-NEXT:hint: hist() counts numbers in power-of-two buckets; to count strings write @m[str] = count()
