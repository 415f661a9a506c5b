config = { max_loop_iterations = 3 }
BEGIN { $n = 0; while (1) { $n++; } printf("included, loop stopped at %d\n", $n); }
