// User-defined functions, macros and let, run in BEGIN: every line of
// output is checked by definitions.test.
fn add($a: int64, $b: int64): int64 { return $a + $b; }

// Returns from inside a loop; locals are the function's own.
fn first_multiple($of: int64, $from: int64): int64 {
  $i = $from;
  while ($i < 1000) {
    if ($i % $of == 0) { return $i; }
    $i++;
  }
  return -1;
}

fn clamp($v: int64, $lo: int64, $hi: int64): int64 {
  if ($v < $lo) { return $lo; } else if ($v > $hi) { return $hi; }
  return $v;
}

// Parameters and returns convert to their types.
fn low_byte($v: uint8): uint8 { return $v; }
fn negative($v: int64): bool { return $v < 0; }

fn plural($n: int64): string {
  if ($n == 1) { return ""; }
  return "s";
}

fn report($what: string, $n: int64) {
  printf("%d %s%s\n", $n, $what, plural($n));
  if ($n > 1) { return; }
  printf("only one %s\n", $what);
}

// Functions call functions and macros.
fn add3($a: int64, $b: int64, $c: int64): int64 { return add(add($a, $b), $c); }

macro one() { 1 }
macro add_one(x) { x + 1 }
macro add_two(x) { add_one(x) + 1 }
macro bump_both($v, @m) { $v += 1; @m += 1; }
macro twice(x) { x; x; }
// A macro's own variables do not touch the caller's.
macro square(x) { $t = x; $t * $t }
macro scaled(x) { add(x, x) * 10 }

BEGIN {
  printf("add %d\n", add(2, 3));
  printf("add3 %d\n", add3(1, 2, 3));
  printf("first_multiple %d %d\n", first_multiple(7, 50), first_multiple(2000, 1));
  printf("clamp %d %d %d\n", clamp(-5, 0, 10), clamp(5, 0, 10), clamp(50, 0, 10));
  printf("low_byte %d\n", low_byte(0x1234));
  printf("negative %d %d\n", negative(-3), negative(3));
  report("probe", 2);
  report("map", 1);
  printf("one %d %d\n", one(), one);
  $a = 10;
  printf("add_one %d %d add_two %d\n", add_one($a), add_one(1 + 1), add_two(1));
  @b = 5;
  bump_both($a, @b);
  printf("bumped %d %d\n", $a, @b);
  twice(printf("hi\n"));
  $t = 100;
  printf("square %d t %d\n", square(7), $t);
  printf("scaled %d\n", scaled(4));
  // let: a variable to the end of its block; an inner let hides an outer one.
  let $x = 1;
  let $y: uint8 = 300;
  let $z: int64;
  if ($x == 1) {
    let $x = "inner";
    printf("inner %s\n", $x);
  }
  printf("outer %d %d %d\n", $x, $y, $z);
  $sum = 0;
  for ($i : 0..3) {
    let $acc = 10;
    $acc += $i;
    $sum += $acc;
  }
  printf("sum %d\n", $sum);
  unroll(2) { printf("unrolled %d\n", add($x, 1)); }
  clear(@b);
  exit();
}
