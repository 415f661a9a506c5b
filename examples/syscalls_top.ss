#!/usr/bin/env stratoshark
// syscalls_top: which processes make the most system calls?
// Counts every system call by process name for three seconds, then prints
// the counts, smallest first (so the busiest process ends the list):
//
//   @syscalls[sshd]: 96
//   @syscalls[stratoshark]: 411
//   @syscalls[make]: 2051
//
// This is what `make run` runs.
tracepoint:raw_syscalls:sys_enter < @syscalls[comm] = count(); >

interval:s:3 < exit() >
