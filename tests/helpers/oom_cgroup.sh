#!/bin/sh
# Runs COMMAND... in a memory cgroup of its own limited to LIMIT_MB, so it
# can be OOM-killed without touching anything else, and removes the cgroup
# afterwards, whatever happens. Works with cgroup v2 (memory.max) and with
# the v1 memory controller (memory.limit_in_bytes).
#   oom_cgroup.sh NAME LIMIT_MB COMMAND...
# Exits 0 when COMMAND was killed by SIGKILL (the OOM killer), 1 otherwise.
set -u
name=$1 limit=$2
shift 2
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
  dir=/sys/fs/cgroup/$name limit_file=memory.max
else
  dir=/sys/fs/cgroup/memory/$name limit_file=memory.limit_in_bytes
fi
cleanup() {
  [ -d "$dir" ] && rmdir "$dir" 2>/dev/null
}
trap cleanup EXIT INT TERM
mkdir "$dir" || exit 1
echo $((limit * 1024 * 1024)) > "$dir/$limit_file" || exit 1
# The child moves itself into the cgroup before it becomes COMMAND.
sh -c 'echo $$ > "$1/cgroup.procs" && shift && exec "$@"' sh "$dir" "$@"
status=$?
# 137 = 128 + SIGKILL: the OOM killer ended it.
[ "$status" -eq 137 ] && exit 0
echo "oom_cgroup: command exited with $status, not killed by the OOM killer" >&2
exit 1
