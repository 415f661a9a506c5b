fn percent($part: int64, $whole: int64): int64 { return $part * 100 / $whole; }
BEGIN { @x = percnt(1, 4); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}fn_unknown.ss:1:4: warning: function 'percent' is never called
// CHECK-NEXT:    1 | fn percent($part: int64, $whole: int64): int64 { return $part * 100 / $whole; }
// CHECK-NEXT:      |    ^~~~~~~
// CHECK-NEXT:hint: its body is type-checked where it is called; remove it or call it from a probe
// CHECK-NEXT:{{.*}}fn_unknown.ss:2:14: error: unknown function 'percnt'
// CHECK-NEXT:    2 | BEGIN { @x = percnt(1, 4); }
// CHECK-NEXT:      |              ^~~~~~
// CHECK-NEXT:hint: did you mean 'percent'? functions are: printf, exit, count, sum, min, max, avg, filter, capture, ntop, macaddr, pton, stats, hist, lhist, print, clear, zero, delete, has_key, len, nsecs, str, system, signal, buf, strncmp, strcontains, time, strftime, join, cat, cgroupid, reg, kaddr, uaddr, ksym, usym, kstack, ustack, percent
