// RUN: %bpf-cc %s -o %t.o && %verifier-check %t.o | FileCheck %s
// CHECK: uninitialised_register.c:[[@LINE+3]]:{{[0-9]+}}: error: {{.*}}reads a register that holds no value on some path (verifier: R5 !read_ok)
#include "bpf_test.h"
SEC("tracepoint") __attribute__((naked)) int prog(void *ctx) {
  asm volatile("r0 = r5; exit;");
}
