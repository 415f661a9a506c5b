BEGIN { print(curtask->sched_reset_on_fork); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}struct_bitfield.ss:1:24: error: struct task_struct.sched_reset_on_fork is a bitfield (1 bit), which cannot be read yet
// CHECK-NEXT:    1 | BEGIN { print(curtask->sched_reset_on_fork); }
// CHECK-NEXT:      |                        ^~~~~~~~~~~~~~~~~~~
// CHECK-NEXT:hint: read the word that holds it and mask: stratoshark cannot relocate bitfields
