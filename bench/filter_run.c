/* filter_run: the per-packet cost of a loaded BPF filter program.
 *
 *   filter_run OBJECT.o xdp|tc REPEAT HEXPACKET...
 *
 * Loads OBJECT with libbpf, takes its first XDP (or tc) program and runs it
 * with BPF_PROG_TEST_RUN, REPEAT times per packet (the kernel reports the
 * mean time of one run). Prints one JSON object: the program's instruction
 * count after the verifier (xlated) and JIT size, and per packet the mean
 * ns per run and whether it matched (the per-CPU counter the program keeps,
 * "ss_matched" in stratoshark's objects, "matched" in the hand-written ones,
 * grew by REPEAT). Used by bench/filter_cost.py. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

static int quiet(enum libbpf_print_level level, const char *format, va_list args) {
  return level == LIBBPF_WARN ? vfprintf(stderr, format, args) : 0;
}

static uint64_t matched(struct bpf_object *obj) {
  struct bpf_map *map = bpf_object__find_map_by_name(obj, "ss_matched");
  if (!map) map = bpf_object__find_map_by_name(obj, "matched");
  if (!map) return 0;
  int cpus = libbpf_num_possible_cpus();
  uint64_t values[cpus > 0 ? cpus : 1];
  uint32_t key = 0;
  if (bpf_map_lookup_elem(bpf_map__fd(map), &key, values) != 0) return 0;
  uint64_t total = 0;
  for (int i = 0; i < cpus; ++i) total += values[i];
  return total;
}

int main(int argc, char **argv) {
  if (argc < 5) {
    fprintf(stderr, "usage: %s OBJECT.o xdp|tc REPEAT HEXPACKET...\n", argv[0]);
    return 2;
  }
  libbpf_set_print(quiet);
  enum bpf_prog_type want = strcmp(argv[2], "xdp") == 0 ? BPF_PROG_TYPE_XDP : BPF_PROG_TYPE_SCHED_CLS;
  unsigned repeat = (unsigned)strtoul(argv[3], NULL, 10);
  struct bpf_object *obj = bpf_object__open_file(argv[1], NULL);
  if (!obj) {
    fprintf(stderr, "cannot open %s: %s\n", argv[1], strerror(errno));
    return 1;
  }
  struct bpf_program *prog, *chosen = NULL;
  bpf_object__for_each_program(prog, obj) {
    if (bpf_program__type(prog) == want && !chosen) chosen = prog;
    else bpf_program__set_autoload(prog, false);
  }
  if (!chosen || bpf_object__load(obj) != 0) {
    fprintf(stderr, "cannot load a %s program from %s\n", argv[2], argv[1]);
    return 1;
  }
  int fd = bpf_program__fd(chosen);
  struct bpf_prog_info info = {0};
  uint32_t info_len = sizeof info;
  bpf_obj_get_info_by_fd(fd, &info, &info_len);
  printf("{\"program\": \"%s\", \"xlated\": %u, \"jited_bytes\": %u, \"packets\": [", bpf_program__name(chosen),
         info.xlated_prog_len / 8, info.jited_prog_len);
  for (int i = 4; i < argc; ++i) {
    size_t n = strlen(argv[i]) / 2;
    unsigned char packet[4096];
    if (n > sizeof packet) n = sizeof packet;
    for (size_t j = 0; j < n; ++j) sscanf(argv[i] + 2 * j, "%2hhx", &packet[j]);
    uint64_t before = matched(obj);
    LIBBPF_OPTS(bpf_test_run_opts, run, .data_in = packet, .data_size_in = (uint32_t)n, .repeat = repeat);
    if (bpf_prog_test_run_opts(fd, &run) != 0) {
      fprintf(stderr, "BPF_PROG_TEST_RUN failed: %s\n", strerror(errno));
      return 1;
    }
    uint64_t grew = matched(obj) - before;
    printf("%s{\"ns\": %u, \"matched\": %s}", i == 4 ? "" : ", ", run.duration,
           grew == repeat ? "true" : grew == 0 ? "false" : "\"partly\"");
  }
  printf("]}\n");
  bpf_object__close(obj);
  return 0;
}
