/* udp and (port 53 or port 5353) */
#include "common.h"

static __always_inline int dns(struct udphdr *udp, void *end) {
  if ((void *)(udp + 1) > end) return 0;
  return udp->source == bpf_htons(53) || udp->dest == bpf_htons(53) || udp->source == bpf_htons(5353) ||
         udp->dest == bpf_htons(5353);
}

static __always_inline int match(void *data, void *end) {
  struct iphdr *ip = ipv4(data, end);
  if (ip) {
    struct udphdr *udp = ipv4_transport(ip, IPPROTO_UDP);
    return udp && dns(udp, end);
  }
  struct ipv6hdr *ip6 = ipv6(data, end);
  return ip6 && ip6->nexthdr == IPPROTO_UDP && dns((void *)(ip6 + 1), end);
}

FILTER_PROGRAMS(match)
