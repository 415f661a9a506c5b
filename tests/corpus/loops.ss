// Loops the verifier walks iteration by iteration: a for range near the
// estimator's limit, nested ranges, a while loop on a run-time condition,
// break and continue, and a loop in a tracepoint probe.
BEGIN {
  for ($i : 0..9000) { @big[$i] = $i; }
  for ($i : 0..20) { for ($j : 0..20) { if ($i == $j) { continue; } @pairs[$i % 4, $j % 4] = $i; } }
  $t = nsecs; $bits = 0;
  while ($t > 0) { $t = $t >> 1; $bits++; if ($bits > 70) { break; } }
  printf("%d\n", $bits);
  exit();
}
tracepoint:syscalls:sys_enter_openat /comm == "ss_corpus"/ {
  $k = 0;
  while ($k < 8) { @per[$k] = count(); $k++; }
}
