#!/usr/bin/env stratoshark
// tcpaccept: passive TCP connections, as accept() returns them: the
// process, remote and local addresses and ports (IPv4 or IPv6), and the
// listener's backlog (connections still waiting / its maximum).
//
// Usage: stratoshark tcpaccept
//
// Built on the accept() and accept4() system call tracepoints: the new
// descriptor is looked up in the process's file table through BTF
// (curtask->files->fdt->fd[fd]->private_data is its struct socket), and the
// addresses, ports and backlog are read from the struct sock behind it.
//
// Example (a real run: a listener on 127.0.0.1:47320 accepting a connection
// from port 47321, then the same over IPv6):
//   $ stratoshark tcpaccept
//   Tracing TCP accepts. Hit Ctrl-C to end.
//   TIME     PID    COMM           RADDR                                   RPORT LADDR                                   LPORT BL
//   01:41:20 4706   python3        127.0.0.1                               47321 127.0.0.1                               47320 0/1
//   01:41:20 4730   python3        ::1                                     47321 ::1                                     47320 0/1
BEGIN
{
  printf("Tracing TCP accepts. Hit Ctrl-C to end.\n");
  printf("%-8s %-6s %-14s ", "TIME", "PID", "COMM");
  printf("%-39s %-5s %-39s %-5s %s\n", "RADDR", "RPORT", "LADDR", "LPORT", "BL");
}

tracepoint:syscalls:sys_enter_accept,
tracepoint:syscalls:sys_enter_accept4
{
  @listener[tid] = args->fd;
}

tracepoint:syscalls:sys_exit_accept,
tracepoint:syscalls:sys_exit_accept4
/has_key(@listener, tid)/
{
  $lfd = @listener[tid];
  delete(@listener[tid]);
  if (args->ret >= 0) {
    $fds = curtask->files->fdt->fd;
    $sk = ((struct socket *)$fds[args->ret]->private_data)->sk;
    $listen = ((struct socket *)$fds[$lfd]->private_data)->sk;
    $family = $sk->__sk_common.skc_family;
    if ($sk->sk_protocol == 6 && ($family == 2 || $family == 10)) {
      $v4 = $family == 2;
      $dport = $sk->__sk_common.skc_dport;  // network byte order
      time("%H:%M:%S ");
      printf("%-6d %-14s ", pid, comm);
      printf("%-39s %-5d %-39s %-5d %d/%d\n",
             $v4 ? ntop((uint8[4])$sk->__sk_common.skc_daddr) : ntop($sk->__sk_common.skc_v6_daddr.in6_u.u6_addr8),
             ($dport >> 8) | (($dport & 0xff) << 8),
             $v4 ? ntop((uint8[4])$sk->__sk_common.skc_rcv_saddr)
                 : ntop($sk->__sk_common.skc_v6_rcv_saddr.in6_u.u6_addr8),
             $sk->__sk_common.skc_num, $listen->sk_ack_backlog, $listen->sk_max_ack_backlog);
    }
  }
}

END
{
  clear(@listener);
}
