#!/bin/sh
# -p PID: start a process that waits, trace it with -p, run a second copy of
# the workload that must not be seen, then let the first one run.
#   usage: pid_scope.sh STRATOSHARK WORKLOAD N_TRACED N_OTHER PROGRAM
set -eu
ss=$1 workload=$2 traced=$3 other=$4 program=$5
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkfifo "$dir/go"
# The shell execs the workload once it reads the fifo: same pid.
sh -c 'read x < "$1"; exec "$2" "$3"' sh "$dir/go" "$workload" "$traced" &
pid=$!
"$ss" -p "$pid" -e "$program" > "$dir/out" 2> "$dir/err" &
tracer=$!
i=0
until grep -q '^Attaching' "$dir/err" 2>/dev/null; do
  i=$((i + 1))
  if [ "$i" -gt 200 ]; then echo "tracer did not attach" >&2; cat "$dir/err" >&2; kill "$tracer" "$pid"; exit 1; fi
  sleep 0.05
done
"$workload" "$other"
echo go > "$dir/go"
wait "$pid"
sleep 0.1
kill -INT "$tracer"
wait "$tracer"
cat "$dir/out"
