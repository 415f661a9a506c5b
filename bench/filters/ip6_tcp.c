/* ip6 and tcp (TCP directly behind IPv6, or behind one fragment header) */
#include "common.h"

static __always_inline int match(void *data, void *end) {
  struct ipv6hdr *ip6 = ipv6(data, end);
  if (!ip6) return 0;
  if (ip6->nexthdr == IPPROTO_TCP) return 1;
  if (ip6->nexthdr != IPPROTO_FRAGMENT) return 0;
  __u8 *next = (void *)(ip6 + 1);
  return (void *)(next + 1) <= end && *next == IPPROTO_TCP;
}

FILTER_PROGRAMS(match)
