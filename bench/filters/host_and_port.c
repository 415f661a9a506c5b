/* host 10.0.0.1 and tcp dst port 443 */
#include "common.h"

static __always_inline int match(void *data, void *end) {
  struct iphdr *ip = ipv4(data, end);
  if (!ip || (ip->saddr != bpf_htonl(0x0a000001) && ip->daddr != bpf_htonl(0x0a000001))) return 0;
  struct tcphdr *tcp = ipv4_transport(ip, IPPROTO_TCP);
  if (!tcp || (void *)tcp + 4 > end) return 0;
  return tcp->dest == bpf_htons(443);
}

FILTER_PROGRAMS(match)
