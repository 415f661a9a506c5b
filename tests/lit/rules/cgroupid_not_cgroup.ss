BEGIN { print(cgroupid("/tmp")); }

// RUN: %expect-exit 1 %stratoshark --dry-run %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
// CHECK:{{.*}}cgroupid_not_cgroup.ss:1:24: error: cannot get the cgroup id of '/tmp': it is not in a cgroup v2 file system (see mount -t cgroup2: /sys/fs/cgroup, or /sys/fs/cgroup/unified on hybrid systems)
// CHECK-NEXT:    1 | BEGIN { print(cgroupid("/tmp")); }
// CHECK-NEXT:      |                        ^~~~~~
// CHECK-NEXT:hint: give the path of a cgroup v2 directory, e.g. /sys/fs/cgroup/system.slice
