// Software and hardware counters (the program loads even where no PMU is
// exposed; attaching hardware needs one).
software:page-faults:100 { @faults[comm] = count(); }
software:cs { @switches[cpu] = count(); }
hardware:cache-misses:1000000 { @misses[pid] = count(); }
