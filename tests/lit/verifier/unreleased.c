// RUN: %bpf-cc %s -o %t.o && %verifier-check %t.o | FileCheck %s
// CHECK: unreleased.c:[[@LINE+9]]:{{[0-9]+}}: error: {{.*}}a reference the program acquired (a ring buffer reservation, a socket) is not released on every path (verifier: BPF_EXIT instruction in main prog would lead to reference leak)
// CHECK: hint: submit or discard the reservation
#include "bpf_test.h"
struct { __uint(type, BPF_MAP_TYPE_RINGBUF); __uint(max_entries, 4096); } rb SEC(".maps");
SEC("tracepoint") int prog(void *ctx) {
  long *e = bpf_ringbuf_reserve(&rb, 8, 0);
  if (!e) return 0;
  *e = 1;
  return 0;
}
