#!/usr/bin/env stratoshark
// tcp_connects: every TCP connection this machine starts, with its
// addresses. Shows the array fields of a tracepoint (__u8 daddr[4],
// __u8 daddr_v6[16]), ntop() of them, and maps keyed by addresses and by
// the raw bytes.
//
//   SYN 127.0.0.1 -> 127.0.0.1:41873 (python3)
//   @by_address[127.0.0.1]: 2
//   @by_bytes[[127,0,0,1]]: 2
tracepoint:sock:inet_sock_set_state /args->newstate == 2/ {
  if (args->family == 2) {
    printf("SYN %s -> %s:%d (%s)\n", ntop(args->saddr), ntop(args->daddr), args->dport, comm);
    @by_address[ntop(args->daddr)] = count();
    @by_bytes[args->daddr] = count();
  } else {
    printf("SYN %s -> %s:%d (%s)\n", ntop(args->saddr_v6), ntop(args->daddr_v6), args->dport, comm);
  }
}
