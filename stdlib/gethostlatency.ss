#!/usr/bin/env stratoshark
// gethostlatency: how long name lookups through libc take
// (getaddrinfo(), gethostbyname(), gethostbyname2()): the process, the name
// and the latency in milliseconds, when the call returns.
//
// Usage: stratoshark gethostlatency
//
// Example (a real run):
//   Tracing getaddrinfo() and gethostbyname(). Hit Ctrl-C to end.
//   TIME(ms)  PID     COMM              LATms HOST
//   15        4231    myapp                 0 localhost
//   15        4231    myapp                 0 127.0.0.1
BEGIN
{
  printf("Tracing getaddrinfo() and gethostbyname(). Hit Ctrl-C to end.\n");
  printf("%-9s %-7s %-16s %6s %s\n", "TIME(ms)", "PID", "COMM", "LATms", "HOST");
}

uprobe:libc:getaddrinfo,
uprobe:libc:gethostbyname,
uprobe:libc:gethostbyname2
{
  @start[tid] = nsecs;
  @name[tid] = arg0;
}

uretprobe:libc:getaddrinfo,
uretprobe:libc:gethostbyname,
uretprobe:libc:gethostbyname2
/@start[tid]/
{
  $latms = (nsecs - @start[tid]) / 1000000;
  printf("%-9d %-7d %-16s %6d %s\n", elapsed / 1000000, pid, comm, $latms, str(@name[tid]));
  delete(@start[tid]);
  delete(@name[tid]);
}

END
{
  clear(@start);
  clear(@name);
}
