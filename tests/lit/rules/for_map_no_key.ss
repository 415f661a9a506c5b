BEGIN { @x = 1; for ($kv : @x) { print($kv.1); } }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}for_map_no_key.ss:1:28: error: @x has no key, so there is nothing to iterate over
// CHECK-NEXT:    1 | BEGIN { @x = 1; for ($kv : @x) { print($kv.1); } }
// CHECK-NEXT:      |                            ^~
// CHECK-NEXT:hint: a map without keys holds one value: read it as @x
