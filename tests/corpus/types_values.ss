// Casts, bool, tuples as values and keys, arrays and their comparisons.
BEGIN {
  $t = (1, "a", comm);
  $n = (-1, ($t.0, "x"));
  @tuples[$t] = (pid > 0, $n.1.1);
  $a = (uint8[4])0x04030201;
  $i = 3;
  printf("%d %d %d %x %d\n", (uint8)300, $a[0], $a[$i], (uint32)$a, $a == pton("1.2.3.4"));
  @flag = (bool)$i;
  @c = $t == (1, "a", comm) ? (1, "yes") : (0, "no");
  print($n);
  exit();
}
