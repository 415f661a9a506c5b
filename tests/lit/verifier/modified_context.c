// RUN: %bpf-cc %s -o %t.o && %verifier-check %t.o | FileCheck %s
// CHECK: modified_context.c:[[@LINE+3]]:{{[0-9]+}}: error: {{.*}}reads its context through an adjusted pointer{{.*}}(verifier: dereference of modified ctx ptr R1 off=8 disallowed)
#include "bpf_test.h"
SEC("tracepoint") __attribute__((naked)) int prog(void *ctx) {
  asm volatile("r1 += 8; r0 = *(u64 *)(r1 + 0); exit;");
}
