#!/usr/bin/env stratoshark
// hello: the smallest program. BEGIN runs once, before anything else is
// attached; exit() ends the run.
BEGIN {
  printf("Hello from %s (pid %d)\n", comm, pid);
  exit();
}
