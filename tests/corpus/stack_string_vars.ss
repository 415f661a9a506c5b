// Nine string variables of 64 bytes each.
tracepoint:sched:sched_process_exec {
  $a = args.filename; $b = args.filename; $c = args.filename; $d = args.filename; $e = args.filename;
  $f = args.filename; $g = args.filename; $h = args.filename; $i = args.filename;
  printf("%s%s%s%s%s%s%s%s%s\n", $a, $b, $c, $d, $e, $f, $g, $h, $i);
}
