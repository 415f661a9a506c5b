// for ($kv : @map) loops: summing, multi-key maps, break and continue,
// nesting, exit() from inside, the probe's context read in the body.
BEGIN {
  @limits["opens"] = 3;
  @pairs[1, "a"] = 10;
  @pairs[2, "b"] = 20;
}
tracepoint:syscalls:sys_enter_openat {
  @opens[comm]++;
  $total = 0;
  for ($kv : @pairs) {
    if ($kv.0.0 == 1) { continue; }
    $total += $kv.1;
    for ($l : @limits) {
      if (@opens[comm] > $l.1) { printf("%s %s %d\n", $l.0, str(args.filename), $total); exit(); }
    }
    break;
  }
  @totals[comm] = $total;
}
