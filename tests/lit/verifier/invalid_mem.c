// RUN: %bpf-cc %s -o %t.o && %verifier-check %t.o | FileCheck %s
// CHECK: invalid_mem.c:[[@LINE+5]]:{{[0-9]+}}: error: the kernel verifier rejected the program of prog: the program reads or writes through a value the verifier does not know to be a valid pointer {{.*}}(verifier: R0 invalid mem access 'scalar')
// CHECK: hint: read kernel memory through a helper
#include "bpf_test.h"
SEC("tracepoint") int prog(void *ctx) {
  long addr = bpf_get_prandom_u32();
  return *(int *)addr;
}
