// RUN: %bpf-cc %s -o %t.o && %verifier-check %t.o | FileCheck %s
// CHECK: read_only_map.c:[[@LINE+5]]:{{[0-9]+}}: error: {{.*}}writes to memory that is read-only for it (verifier: write into map forbidden, value_size=8 off=0 size=8)
// CHECK: hint: copy the data to a writable buffer first
#include "bpf_test.h"
const volatile long config = 5;
SEC("tracepoint") int prog(void *ctx) {
  *(volatile long *)&config = 6;
  return 0;
}
