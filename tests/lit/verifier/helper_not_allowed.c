// RUN: %bpf-cc %s -o %t.o && %verifier-check %t.o | FileCheck %s
// CHECK: helper_not_allowed.c:[[@LINE+4]]:{{[0-9]+}}: error: {{.*}}calls a kernel helper that this program type may not use {{.*}}(verifier: program of this type cannot use helper bpf_get_attach_cookie#174)
// CHECK: hint: use the probe type that offers this function
#include "bpf_test.h"
SEC("xdp") int prog(struct xdp_md *ctx) {
  return bpf_get_attach_cookie(ctx) ? XDP_DROP : XDP_PASS;
}
