// Workload for the uprobe, uretprobe and usdt tests: a known number of calls
// to known functions and static probes.
//   usage: ss_probe_target N [PAGES]
// For i in 0..N-1 it calls ss_target_add(i, 2*i) (returns 3*i),
// ss_target_mul(i, 3) (returns 3*i), ss_stack_args(1, ..., 6, 70 + i, 80)
// (the last two passed on the stack), getppid() from libc, and fires the USDT
// probe ss_test:tick with arguments (i, -i-1 as long, i as a 32-bit int);
// at the end it fires ss_test:done with N. With PAGES it first writes to
// PAGES fresh anonymous pages (at least that many page faults). With
// SS_TARGET_LINGER_MS set it sleeps that long before exiting, so its
// symbols can still be read from /proc/PID/maps (usym, ustack).
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/sdt.h>
#include <time.h>
#include <unistd.h>

// A global the tests read with uaddr().
volatile long ss_target_counter = 42;

__attribute__((noinline)) long ss_target_add(long a, long b) {
  __asm__ volatile("" ::: "memory");  // keep the call
  return a + b;
}

__attribute__((noinline)) long ss_target_mul(long a, long b) {
  __asm__ volatile("" ::: "memory");
  return a * b;
}

// Eight arguments: on x86-64 the seventh and eighth are passed on the stack.
__attribute__((noinline)) long ss_stack_args(long a, long b, long c, long d, long e, long f, long g, long h) {
  __asm__ volatile("" ::: "memory");
  return a + b + c + d + e + f + g + h;
}

int main(int argc, char** argv) {
  if (argc != 2 && argc != 3) {
    fprintf(stderr, "usage: %s N [PAGES]\n", argv[0]);
    return 2;
  }
  long n = strtol(argv[1], NULL, 10);
  if (argc == 3) {
    long pages = strtol(argv[2], NULL, 10);
    long size = sysconf(_SC_PAGESIZE);
    volatile char* area = mmap(NULL, (size_t)(pages * size), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (area == MAP_FAILED) {
      perror("mmap");
      return 1;
    }
    for (long p = 0; p < pages; ++p) area[p * size] = 1;
  }
  long total = 0;
  for (long i = 0; i < n; ++i) {
    total += ss_target_add(i, 2 * i);
    total += ss_target_mul(i, 3);
    total += ss_stack_args(1, 2, 3, 4, 5, 6, 70 + i, 80);
    total += getppid() > 0;
    long negative = -i - 1;
    int small = (int)i;
    DTRACE_PROBE3(ss_test, tick, i, negative, small);
  }
  DTRACE_PROBE1(ss_test, done, n);
  const char* linger = getenv("SS_TARGET_LINGER_MS");
  if (linger != NULL) {
    long ms = strtol(linger, NULL, 10);
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
  }
  return total < 0 || ss_target_counter != 42;
}
