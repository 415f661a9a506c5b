BEGIN { @m[1] = count(); }
END { @m["a"] = count(); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}map_key_types.ss:2:7: error: map @m is used with key string[2] here but key int64 before
// CHECK-NEXT:    2 | END { @m["a"] = count(); }
// CHECK-NEXT:      |       ^~~~~~~
// CHECK-NEXT:{{.*}}map_key_types.ss:1:17: note: @m was first assigned here
// CHECK-NEXT:    1 | BEGIN { @m[1] = count(); }
// CHECK-NEXT:      |                 ^~~~~~~
// CHECK-NEXT:hint: every use of a map needs the same number and kinds of keys
