// RUN: %bpf-cc %s -o %t.o && %verifier-check %t.o | FileCheck %s
// CHECK: too_complex.c:[[@LINE+5]]:{{[0-9]+}}: error: {{.*}}the program is too complex: the verifier walked more than 1,000,000 instructions {{.*}}(verifier: BPF program is too large. Processed 1000001 insn)
// CHECK: hint: reduce the branching or the loop bounds
#include "bpf_test.h"
SEC("tracepoint") int prog(void *ctx) {
  int sum = 0;
  for (int i = 0; i < 10000000; i++) {
    if (bpf_get_prandom_u32() & 1) sum++;
  }
  return sum;
}
