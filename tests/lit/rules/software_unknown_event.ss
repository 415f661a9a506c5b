software:no-such-event:100 { @x = count(); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}software_unknown_event.ss:1:1: error: unknown software event 'no-such-event'
// CHECK-NEXT:    1 | software:no-such-event:100 { @x = count(); }
// CHECK-NEXT:      | ^~~~~~~~~~~~~~~~~~~~~~~~~~
// CHECK-NEXT:hint: software events are: cpu-clock, task-clock, page-faults, context-switches, cpu-migrations, minor-faults, major-faults, alignment-faults, emulation-faults, dummy, bpf-output
