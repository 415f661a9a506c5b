/* tcp port 80 */
#include "common.h"

static __always_inline int ports_80(struct tcphdr *tcp, void *end) {
  if ((void *)tcp + 4 > end) return 0;
  return tcp->source == bpf_htons(80) || tcp->dest == bpf_htons(80);
}

static __always_inline int match(void *data, void *end) {
  struct iphdr *ip = ipv4(data, end);
  if (ip) {
    struct tcphdr *tcp = ipv4_transport(ip, IPPROTO_TCP);
    return tcp && ports_80(tcp, end);
  }
  struct ipv6hdr *ip6 = ipv6(data, end);
  return ip6 && ip6->nexthdr == IPPROTO_TCP && ports_80((void *)(ip6 + 1), end);
}

FILTER_PROGRAMS(match)
