/* Hand-written XDP and tc filters for bench/filter_cost.py: what a careful
 * programmer writes in C for a capture filter expression, compiled with
 * clang-19 -O2 (the practical limit for our generated code). Each filter is
 * a function of the packet bytes; FILTER_PROGRAMS wraps it into an XDP and
 * a tc program that, like stratoshark's `PROBE /filter("EXPR")/ { }`, count
 * the packets that match in a per-CPU array and pass every packet on. */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/pkt_cls.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>

struct {
  __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
  __uint(max_entries, 1);
  __type(key, __u32);
  __type(value, __u64);
} matched SEC(".maps");

static __always_inline void count_match(void) {
  __u32 key = 0;
  __u64 *n = bpf_map_lookup_elem(&matched, &key);
  if (n) *n += 1;
}

/* IPv4 header of an Ethernet frame, or null. */
static __always_inline struct iphdr *ipv4(void *data, void *end) {
  struct ethhdr *eth = data;
  if ((void *)(eth + 1) > end || eth->h_proto != bpf_htons(ETH_P_IP)) return 0;
  struct iphdr *ip = (void *)(eth + 1);
  if ((void *)(ip + 1) > end) return 0;
  return ip;
}

static __always_inline struct ipv6hdr *ipv6(void *data, void *end) {
  struct ethhdr *eth = data;
  if ((void *)(eth + 1) > end || eth->h_proto != bpf_htons(ETH_P_IPV6)) return 0;
  struct ipv6hdr *ip6 = (void *)(eth + 1);
  if ((void *)(ip6 + 1) > end) return 0;
  return ip6;
}

/* The transport header behind an unfragmented (or first-fragment) IPv4 header. */
static __always_inline void *ipv4_transport(struct iphdr *ip, __u8 proto) {
  if (ip->protocol != proto || (ip->frag_off & bpf_htons(0x1fff))) return 0;
  return (void *)ip + ip->ihl * 4;
}

#define FILTER_PROGRAMS(match)                                                  \
  SEC("xdp") int filter_xdp(struct xdp_md *ctx) {                               \
    if (match((void *)(long)ctx->data, (void *)(long)ctx->data_end)) count_match(); \
    return XDP_PASS;                                                            \
  }                                                                             \
  SEC("tc") int filter_tc(struct __sk_buff *ctx) {                              \
    if (match((void *)(long)ctx->data, (void *)(long)ctx->data_end)) count_match(); \
    return TC_ACT_UNSPEC;                                                       \
  }                                                                             \
  char _license[] SEC("license") = "GPL";
