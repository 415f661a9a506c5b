fentry:vfs_read { @x = args.cnt2; }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}fentry_unknown_arg.ss:1:29: error: fentry:vfs_read has no field 'cnt2'
// CHECK-NEXT:    1 | fentry:vfs_read { @x = args.cnt2; }
// CHECK-NEXT:      |                             ^~~~
// CHECK-NEXT:hint: its fields are: file, buf, count, pos
