// RUN: %bpf-cc %s -o %t.o && %verifier-check %t.o | FileCheck %s
// CHECK: no_return_value.c:[[@LINE+3]]:{{[0-9]+}}: error: {{.*}}ends without setting its return value (register R0) (verifier: R0 !read_ok)
#include "bpf_test.h"
SEC("tracepoint") __attribute__((naked)) int prog(void *ctx) {
  asm volatile("exit");
}
