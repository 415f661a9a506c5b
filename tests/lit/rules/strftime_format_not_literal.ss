BEGIN { $f = "%H"; print(strftime($f, nsecs)); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}strftime_format_not_literal.ss:1:35: error: strftime() needs a string literal here, but '$f' is not one
// CHECK-NEXT:    1 | BEGIN { $f = "%H"; print(strftime($f, nsecs)); }
// CHECK-NEXT:      |                                   ^~
// CHECK-NEXT:hint: e.g. strftime("%H:%M:%S", nsecs)
