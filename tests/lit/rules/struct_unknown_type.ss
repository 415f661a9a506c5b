BEGIN { $p = (struct no_such_struct *)0; }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}struct_unknown_type.ss:1:15: error: cannot use struct no_such_struct: kernel BTF has no such struct
// CHECK-NEXT:    1 | BEGIN { $p = (struct no_such_struct *)0; }
// CHECK-NEXT:      |               ^~~~~~~~~~~~~~~~~~~~~~~
// CHECK-NEXT:hint: kernel structs and unions come from the kernel's BTF (/sys/kernel/btf/vmlinux)
