#!/usr/bin/env stratoshark
// ticks: timed probes and END. interval fires on one CPU every period;
// the fifth tick ends the run, and END still runs before maps are printed.
interval:ms:100 {
  @ticks = count();
  @n++;
  printf("tick %d\n", @n);
  if (@n == 5) {
    exit();
  }
}

END < printf("done after %d ticks\n", @n) >
