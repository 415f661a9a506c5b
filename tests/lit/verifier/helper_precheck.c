// The helper check before loading: the same call as helper_not_allowed.c,
// refused by stratoshark's per-program-type probe with the line that needs it.
// RUN: %bpf-cc %s -o %t.o && %verifier-check --check-helpers %t.o | FileCheck %s
// CHECK: helper_precheck.c:[[@LINE+4]]:{{[0-9]+}}: error: bpf_get_attach_cookie is not available to xdp programs on this kernel (needed by prog)
// CHECK: hint: use this function in a probe type that allows it
#include "bpf_test.h"
SEC("xdp") int prog(struct xdp_md *ctx) {
  return bpf_get_attach_cookie(ctx) ? XDP_DROP : XDP_PASS;
}
