// Ten calls of a three-parameter function: each call's integer variables
// become registers, so the calls need neither stack nor scratch space.
fn clamp($v: int64, $lo: int64, $hi: int64): int64 {
  if ($v < $lo) { return $lo; }
  if ($v > $hi) { return $hi; }
  return $v;
}

BEGIN {
  @a = clamp(pid, 1, 2); @b = clamp(tid, 1, 2); @c = clamp(pid, 3, 4); @d = clamp(tid, 5, 6);
  @e = clamp(pid, 7, 8); @f = clamp(tid, 9, 10); @g = clamp(pid, 11, 12); @h = clamp(uid, 0, 0);
  @i = clamp(gid, 1, 1); @j = clamp(-5, 0, 9);
  printf("%d %d %d\n", @h, @i, @j);
  clear(@a); clear(@b); clear(@c); clear(@d); clear(@e); clear(@f); clear(@g); clear(@h); clear(@i); clear(@j);
  exit();
}
