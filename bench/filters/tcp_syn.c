/* tcp[tcpflags] & (tcp-syn|tcp-ack) == tcp-syn (IPv4: TCP byte loads index IPv4 only) */
#include "common.h"

static __always_inline int match(void *data, void *end) {
  struct iphdr *ip = ipv4(data, end);
  if (!ip) return 0;
  __u8 *tcp = ipv4_transport(ip, IPPROTO_TCP);
  if (!tcp || (void *)(tcp + 14) > end) return 0;
  return (tcp[13] & 0x12) == 0x02;
}

FILTER_PROGRAMS(match)
