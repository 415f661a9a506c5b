// RUN: %bpf-cc %s -o %t.o && %verifier-check %t.o | FileCheck %s
// CHECK: packet_bounds.c:[[@LINE+5]]:{{[0-9]+}}: error: {{.*}}a packet access is not preceded by a check that the packet is that long (verifier: R1 offset is outside of the packet)
// CHECK: hint: compare data + offset + size against data_end
#include "bpf_test.h"
SEC("xdp") int prog(struct xdp_md *ctx) {
  unsigned char *data = (void *)(long)ctx->data;
  return data[20];
}
