// RUN: %bpf-cc %s -o %t.o && %verifier-check %t.o | FileCheck %s
// A loop with no exit: the verifier follows it until its budget runs out.
// CHECK: endless_loop.c:[[@LINE+3]]:{{[0-9]+}}: error: {{.*}}too complex{{.*}}branches and loops
#include "bpf_test.h"
SEC("tracepoint") __attribute__((naked)) int prog(void *ctx) {
  asm volatile("r0 = 0; l1: r0 += 1; if r0 != 0 goto l1; exit;");
}
