BEGIN { print(kaddr("no_such_kernel_symbol")); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}kaddr_unknown_symbol.ss:1:21: error: cannot find kernel symbol 'no_such_kernel_symbol': no such symbol in /proc/kallsyms
// CHECK-NEXT:    1 | BEGIN { print(kaddr("no_such_kernel_symbol")); }
// CHECK-NEXT:      |                     ^~~~~~~~~~~~~~~~~~~~~~~
// CHECK-NEXT:hint: kernel symbols are listed in /proc/kallsyms (data symbols only with CONFIG_KALLSYMS_ALL)
