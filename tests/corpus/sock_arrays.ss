// Tracepoint array fields (__u8 saddr[4], __u8 saddr_v6[16]) and pointers.
tracepoint:sock:inet_sock_set_state /args->newstate == 2/ {
  @dst[args->daddr] = count();
  @v4[ntop(args->daddr), ntop(args->daddr_v6)] = count();
  @family[ntop(args->family, args->saddr_v6)] = count();
  @loopback = args->daddr == pton("127.0.0.1") && args->daddr[0] == 127;
}
tracepoint:syscalls:sys_enter_openat {
  $p = args.filename;
  @first[*$p, $p[1]] = count();
  @rest[str($p + 1)] = count();
}
