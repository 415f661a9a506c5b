// RUN: %bpf-cc %s -o %t.o && %verifier-check %t.o | FileCheck %s
// CHECK: context_access.c:[[@LINE+3]]:{{[0-9]+}}: error: {{.*}}reads its context (the probe's arguments record) at an offset or size it may not (verifier: invalid bpf_context access off=3 size=8)
#include "bpf_test.h"
SEC("tracepoint") __attribute__((naked)) int prog(void *ctx) {
  asm volatile("r0 = *(u64 *)(r1 + 3); exit;");
}
