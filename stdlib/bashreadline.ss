#!/usr/bin/env stratoshark
// bashreadline: the command lines typed into every interactive bash on the
// system, as readline() hands them to bash.
//
// Usage: stratoshark bashreadline
//
// bash is found on $PATH (/usr/bin/bash on Debian); Debian's bash has
// readline built in and exports it, so the uretprobe needs no debug symbols.
//
// Example (a real run):
//   Tracing bash commands. Hit Ctrl-C to end.
//   TIME(ms)  PID     COMMAND
//   388       4293    ls /tmp
//   593       4293    echo hello
//   794       4293    exit
BEGIN
{
  printf("Tracing bash commands. Hit Ctrl-C to end.\n");
  printf("%-9s %-7s %s\n", "TIME(ms)", "PID", "COMMAND");
}

uretprobe:/bin/bash:readline
{
  printf("%-9d %-7d %s\n", elapsed / 1000000, pid, str(retval));
}
