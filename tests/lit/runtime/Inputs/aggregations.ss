BEGIN {
  @count["a"] = count(); @count["a"] = count(); @count["a"] = count();
  @count["b"] = count(); @count["b"] = count();
  @count["c"] = count();
  @sum = sum(3); @sum = sum(4); @sum = sum(9);
  @min = min(5); @min = min(-2); @min = min(7);
  @max = max(5); @max = max(9); @max = max(-1);
  @avg = avg(4); @avg = avg(6);
  @pair["y", 2] = 8;
  @pair["x", 1] = 7;
  exit();
}
