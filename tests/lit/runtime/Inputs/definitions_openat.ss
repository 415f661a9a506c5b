// A function and a macro in a tracepoint's predicate and body: only the
// workload's opens are counted, by the class the function gives them.
fn mine($c: string): bool { return $c == "ss_fnopen"; }

fn size_class($n: int64): string {
  if ($n < 4) { return "small"; }
  return "large";
}

macro tally(@m, key) { @m[key] = count(); }

tracepoint:syscalls:sys_enter_openat /mine(comm)/ {
  tally(@opens, size_class(5));
  tally(@flags, args.flags & 1);
  @last = str(args.filename) == "" ? 0 : 1;
}
