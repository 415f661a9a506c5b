// Ten calls of a three-parameter function: each call's integer variables
// become registers, so the calls need neither stack nor scratch space.
fn clamp($v: int64, $lo: int64, $hi: int64): int64 {
  if ($v < $lo) { return $lo; }
  if ($v > $hi) { return $hi; }
  return $v;
}

BEGIN {
  $s = clamp(pid, 1, 2) + clamp(tid, 1, 2) + clamp(pid, 3, 4) + clamp(tid, 5, 6) + clamp(pid, 7, 8) +
       clamp(tid, 9, 10) + clamp(pid, 11, 12) + clamp(uid, 0, 0) + clamp(gid, 1, 1) + clamp(-5, 0, 9);
  printf("%d\n", $s);
  exit();
}
