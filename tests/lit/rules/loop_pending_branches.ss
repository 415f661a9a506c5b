BEGIN { for ($i : 0..3000) { if (rand % 2 == 0) { @a = 1; } if (rand % 3 == 0) { @b = 1; } if (rand % 5 == 0) { @c = 1; } } }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}loop_pending_branches.ss:1:9: error: the verifier would have about 9000 branches of 'BEGIN' waiting to be explored when this loop ends (one per undecidable branch of each iteration); it gives up after 8192
// CHECK-NEXT:    1 | BEGIN { for ($i : 0..3000) { if (rand % 2 == 0) { @a = 1; } if (rand % 3 == 0) { @b = 1; } if (rand % 5 == 0) { @c = 1; } } }
// CHECK-NEXT:      |         ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
// CHECK-NEXT:hint: lower the loop's bound, or take branches (if, ?:, string comparisons, -k checks) out of its body
