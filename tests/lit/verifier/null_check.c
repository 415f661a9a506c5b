// RUN: %bpf-cc %s -o %t.o && %verifier-check %t.o | FileCheck %s
// CHECK: null_check.c:[[@LINE+7]]:{{[0-9]+}}: error: {{.*}}a pointer that may be NULL (a map lookup that may find nothing) is used without checking it (verifier: R0 invalid mem access 'map_value_or_null')
// CHECK: hint: check the pointer against NULL before using it
#include "bpf_test.h"
struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 8); __type(key, int); __type(value, long); } m SEC(".maps");
SEC("tracepoint") int prog(void *ctx) {
  int k = 1;
  long *v = bpf_map_lookup_elem(&m, &k);
  return *v;
}
