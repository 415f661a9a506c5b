BEGIN { @c[comm] = count(); for ($kv : @c) { print($kv.1); } }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}for_map_aggregation.ss:1:40: error: @c holds count values, kept per CPU, which a loop cannot read
// CHECK-NEXT:    1 | BEGIN { @c[comm] = count(); for ($kv : @c) { print($kv.1); } }
// CHECK-NEXT:      |                                        ^~
// CHECK-NEXT:hint: keep a plain map for the loop (@m[k] = @m[k] + 1, or @m[k]++), or print the map
