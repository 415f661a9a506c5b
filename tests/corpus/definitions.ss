// User-defined functions and macros called from several probes, with loops
// and strings in their bodies: each call is expanded where it is made, and
// the estimator counts every expansion.
fn digits($n: int64): int64 {
  $d = 1;
  for ($i : 0..18) {
    if ($n < 10) { return $d; }
    $n = $n / 10;
    $d++;
  }
  return $d;
}

fn kind($fd: int64): string {
  if ($fd < 0) { return "error"; } else if ($fd < 3) { return "std"; }
  return "file";
}

fn is_root($u: uint32): bool { return $u == 0; }

macro count_by(@m, key) { @m[key] = count(); }
macro keep_max($var, x) { if (x > $var) { $var = x; } }

tracepoint:syscalls:sys_exit_openat {
  count_by(@kind, kind(args.ret));
  @digits[digits(args.ret < 0 ? -args.ret : args.ret)] = count();
}

tracepoint:syscalls:sys_enter_openat /!is_root(uid) || pid > 1/ {
  let $m = 0;
  for ($i : 0..4) { keep_max($m, $i * (pid % 7)); }
  keep_max($m, digits(pid));
  @widest[comm] = max($m);
  let $name: string = str(args.filename);
  @names[kind(args.dfd), $name == "" ? 0 : digits(pid)] = count();
}

interval:s:1 { exit(); }
