BEGIN { printf("%d %d %d %d %s %d %d %s\n", pid, tid, uid, gid, comm, nsecs > 0, cpu, probe); exit(); }
