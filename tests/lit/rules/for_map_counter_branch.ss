BEGIN { @m[1] = 1; $n = 0; for ($kv : @m) { $n++; if ($n > 10) { break; } } }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}for_map_counter_branch.ss:1:28: error: the verifier cannot finish checking this loop over a map: its body updates $n and branches on it, so the states it leaves behind never repeat
// CHECK-NEXT:    1 | BEGIN { @m[1] = 1; $n = 0; for ($kv : @m) { $n++; if ($n > 10) { break; } } }
// CHECK-NEXT:      |                            ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
// CHECK-NEXT:hint: keep the count in a map instead (@n = @n + 1), or branch on the element ($kv.0, $kv.1) rather than on $n
