// RUN: %bpf-cc %s -o %t.o && %verifier-check %t.o | FileCheck %s
// CHECK: stack_limit.c:[[@LINE+3]]:{{[0-9]+}}: error: {{.*}}needs more than the 512 bytes of stack the kernel allows (verifier: invalid write to stack R10 off=-520 size=8)
#include "bpf_test.h"
SEC("tracepoint") __attribute__((naked)) int prog(void *ctx) {
  asm volatile("r1 = 0; *(u64 *)(r10 - 520) = r1; r0 = 0; exit;");
}
