// RUN: %bpf-cc %s -o %t.o && %verifier-check %t.o | FileCheck %s
// CHECK: helper_argument.c:[[@LINE+3]]:{{[0-9]+}}: error: {{.*}}a helper is called with an argument of the wrong kind {{.*}}(verifier: R1 type=scalar expected=
#include "bpf_test.h"
SEC("tracepoint") __attribute__((naked)) int prog(void *ctx) {
  asm volatile("r1 = 0; r2 = 16; call 16; r0 = 0; exit;");
}
