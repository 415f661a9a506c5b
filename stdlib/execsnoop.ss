#!/usr/bin/env stratoshark
// execsnoop: every execve() and execveat() as it returns: when, which
// process, the result, and the program path. After a successful exec the
// process already runs the new program, so COMM is its new name; a failed
// exec keeps the old name and shows the negative errno in RET.
//
// Usage: stratoshark execsnoop
//
// The path is copied at entry: once the exec succeeded, the memory it was
// read from belongs to the old program and is gone.
//
// Example (a real run):
//   Tracing execve() and execveat(). Hit Ctrl-C to end.
//   TIME(ms)  PID     COMM              RET PATH
//   1         3417    myapp               0 /tmp/ssstd-demo/myapp
//   5         3419    sh                 -2 /tmp/ssstd-demo/missing
//   5         3420    ls                  0 /usr/bin/ls
BEGIN
{
  printf("Tracing execve() and execveat(). Hit Ctrl-C to end.\n");
  printf("%-9s %-7s %-16s %4s %s\n", "TIME(ms)", "PID", "COMM", "RET", "PATH");
}

tracepoint:syscalls:sys_enter_execve,
tracepoint:syscalls:sys_enter_execveat
{
  @path[tid] = str(args->filename);
}

tracepoint:syscalls:sys_exit_execve,
tracepoint:syscalls:sys_exit_execveat
/has_key(@path, tid)/
{
  printf("%-9d %-7d %-16s %4d %s\n", elapsed / 1000000, pid, comm, args->ret, @path[tid]);
  delete(@path[tid]);
}

END
{
  clear(@path);
}
