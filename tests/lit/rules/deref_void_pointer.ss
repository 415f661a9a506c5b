tracepoint:sock:inet_sock_set_state { print(*args->skaddr); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}deref_void_pointer.ss:1:45: error: cannot dereference 'args->skaddr' of type void *
// CHECK-NEXT:    1 | tracepoint:sock:inet_sock_set_state { print(*args->skaddr); }
// CHECK-NEXT:      |                                             ^~~~~~~~~~~~~
// CHECK-NEXT:hint: cast it to say what it points to, e.g. *(uint64 *)args->skaddr
