// RUN: %bpf-cc %s -o %t.o && %verifier-check %t.o | FileCheck %s
// CHECK: map_value_bounds.c:[[@LINE+9]]:{{[0-9]+}}: error: {{.*}}an access to a map value may fall outside the value {{.*}}(verifier: R{{[0-9]}} unbounded memory access, make sure to bounds check any such access)
// CHECK: hint: bound the index or offset
#include "bpf_test.h"
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 1); __type(key, int); __type(value, char[16]); } m SEC(".maps");
SEC("tracepoint") int prog(void *ctx) {
  int k = 0;
  char *v = bpf_map_lookup_elem(&m, &k);
  if (!v) return 0;
  unsigned idx = bpf_get_prandom_u32();
  return v[idx];
}
