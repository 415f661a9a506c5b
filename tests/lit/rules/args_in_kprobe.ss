kprobe:do_sys_openat2 { @[args.filename] = count(); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}args_in_kprobe.ss:1:27: error: 'args' is not available in kprobe probes
// CHECK-NEXT:    1 | kprobe:do_sys_openat2 { @[args.filename] = count(); }
// CHECK-NEXT:      |                           ^~~~
// CHECK-NEXT:hint: args holds tracepoint arguments; use it in tracepoint:CATEGORY:EVENT probes
