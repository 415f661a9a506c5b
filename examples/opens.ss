#!/usr/bin/env stratoshark
// opens: who opens files, and how often? Runs until Ctrl-C, then prints the
// count per process. The same program with { } blocks behaves identically.
//
//   @opens[cat]: 3
//   @opens[bash]: 12
BEGIN < printf("Counting openat() per process... Hit Ctrl-C to end.\n") >

tracepoint:syscalls:sys_enter_openat < @opens[comm] = count(); >
