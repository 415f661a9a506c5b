socket:lo /filter("tcp port")/ { @x = count(); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}bad_filter_syntax.ss:1:28: error: the filter ends where a value was expected
// CHECK-NEXT:    1 | socket:lo /filter("tcp port")/ { @x = count(); }
// CHECK-NEXT:      |                            ^
// CHECK-NEXT:hint: give the value, e.g. 'port 80' or 'host 10.0.0.1'
