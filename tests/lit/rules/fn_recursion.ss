fn even($n: int64): bool { return $n == 0 ? true : odd($n - 1); }
fn odd($n: int64): bool { return $n == 0 ? false : even($n - 1); }
BEGIN { @x = even(4); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}fn_recursion.ss:2:52: error: 'even' calls itself (even -> odd -> even); recursion is not supported
// CHECK-NEXT:    2 | fn odd($n: int64): bool { return $n == 0 ? false : even($n - 1); }
// CHECK-NEXT:      |                                                    ^~~~
// CHECK-NEXT:hint: BPF programs cannot recurse: write the repetition as a bounded loop (for, while)
