// Test workload for the stdlib tools: renames itself to COMM, then runs each
// STEP in order, so a test knows every event the tool should report.
//   usage: ss_workload COMM STEP...
// Every system call a step names is made directly (syscall(2)), never through
// a libc wrapper that might pick another call (glibc's stat() is newfstatat,
// its nanosleep() is clock_nanosleep). Steps:
//   open:PATH            openat(PATH, O_RDONLY), closed again when it worked
//   stat:PATH  lstat:PATH  statx:PATH  statfs:PATH  fstatat:PATH
//                        one stat, lstat, statx, statfs or newfstatat call
//   kill:PID:SIG         kill(PID, SIG)
//   killchild:SIG        forks a child that waits in pause(), kills it with SIG, reaps it
//   getppid:N            N getppid() calls
//   sleep:MS             one nanosleep() of MS milliseconds
//   fork:N               N children that exit at once, each reaped
//   thread:N             N threads made with pthread_create(), each joined
//   setuid:UID  setresuid:UID  setfsuid:UID
//                        one setuid(UID), setresuid(UID, UID, UID) or setfsuid(UID)
//   sync  syncfs:PATH  fsync:PATH  fdatasync:PATH
//                        one sync(), or that call on a descriptor of PATH
//   write:PATH:KB        writes KB kilobytes to PATH (created, truncated), no sync
//   dread:PATH:N:BS      N reads of BS bytes with O_DIRECT from PATH, at offsets 0, BS, 2*BS...
//   resolve:HOST         one getaddrinfo(HOST)
//   alloc:MB             touches MB megabytes of fresh anonymous memory
//   spin:MS              busy loop for MS milliseconds on the current CPU
//   cpu:N                moves itself to CPU N (sched_setaffinity)
// A step written STEP*N runs N times (open:/etc/hostname*10000), for benchmarks.
// The process ends with exit_group(0) right after the last step, so the only
// system call after the steps is that one; a failed step exits with 1.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void fail(const char* step) {
  fprintf(stderr, "ss_workload: %s: %s\n", step, strerror(errno));
  syscall(SYS_exit_group, 1);
}

// The text after the step's "name:" prefix, or NULL when STEP is another step.
static const char* arg_of(const char* step, const char* name) {
  size_t n = strlen(name);
  if (strncmp(step, name, n) != 0 || step[n] != ':') return NULL;
  return step + n + 1;
}

static long number(const char* text) { return strtol(text, NULL, 0); }

static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void* thread_body(void* arg) { return arg; }

// System call NR on a descriptor of PATH (syncfs, fsync, fdatasync).
static void on_descriptor(const char* step, const char* path, long nr) {
  int fd = open(path, O_RDONLY);
  if (fd < 0) fail(step);
  syscall(nr, fd);
  close(fd);
}

static void direct_reads(const char* step, const char* spec) {
  char path[256];
  long n = 0, bs = 0;
  const char* colon = strrchr(spec, ':');
  const char* colon2 = colon ? memrchr(spec, ':', (size_t)(colon - spec)) : NULL;
  if (!colon2 || (size_t)(colon2 - spec) >= sizeof(path)) {
    errno = EINVAL;
    fail(step);
  }
  memcpy(path, spec, (size_t)(colon2 - spec));
  path[colon2 - spec] = '\0';
  n = number(colon2 + 1);
  bs = number(colon + 1);
  int fd = open(path, O_RDONLY | O_DIRECT);
  if (fd < 0) fail(step);
  void* buf = NULL;
  if (posix_memalign(&buf, 4096, (size_t)bs) != 0) fail(step);
  for (long i = 0; i < n; ++i)
    if (pread(fd, buf, (size_t)bs, i * bs) != bs) fail(step);
  free(buf);
  close(fd);
}

static void run_step(const char* step) {
  const char* a;
  struct stat st;
  struct statx stx;
  struct statfs sfs;
  if ((a = arg_of(step, "open"))) {
    long fd = syscall(SYS_openat, AT_FDCWD, a, O_RDONLY);
    if (fd >= 0) close((int)fd);
  } else if ((a = arg_of(step, "stat"))) {
    syscall(SYS_stat, a, &st);
  } else if ((a = arg_of(step, "lstat"))) {
    syscall(SYS_lstat, a, &st);
  } else if ((a = arg_of(step, "statx"))) {
    syscall(SYS_statx, AT_FDCWD, a, 0, STATX_BASIC_STATS, &stx);
  } else if ((a = arg_of(step, "statfs"))) {
    syscall(SYS_statfs, a, &sfs);
  } else if ((a = arg_of(step, "fstatat"))) {
    syscall(SYS_newfstatat, AT_FDCWD, a, &st, 0);
  } else if ((a = arg_of(step, "kill"))) {
    const char* sig = strchr(a, ':');
    if (!sig) fail(step);
    syscall(SYS_kill, (pid_t)number(a), (int)number(sig + 1));
  } else if ((a = arg_of(step, "killchild"))) {
    pid_t child = fork();
    if (child < 0) fail(step);
    if (child == 0) {
      pause();
      _exit(0);
    }
    if (syscall(SYS_kill, child, (int)number(a)) != 0) fail(step);
    waitpid(child, NULL, 0);
  } else if ((a = arg_of(step, "getppid"))) {
    for (long i = number(a); i > 0; --i) syscall(SYS_getppid);
  } else if ((a = arg_of(step, "sleep"))) {
    long ms = number(a);
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000};
    syscall(SYS_nanosleep, &ts, NULL);
  } else if ((a = arg_of(step, "fork"))) {
    for (long i = number(a); i > 0; --i) {
      pid_t child = fork();
      if (child < 0) fail(step);
      if (child == 0) _exit(0);
      waitpid(child, NULL, 0);
    }
  } else if ((a = arg_of(step, "thread"))) {
    for (long i = number(a); i > 0; --i) {
      pthread_t t;
      if (pthread_create(&t, NULL, thread_body, NULL) != 0) fail(step);
      pthread_join(t, NULL);
    }
  } else if ((a = arg_of(step, "setuid"))) {
    syscall(SYS_setuid, (uid_t)number(a));
  } else if ((a = arg_of(step, "setresuid"))) {
    uid_t u = (uid_t)number(a);
    syscall(SYS_setresuid, u, u, u);
  } else if ((a = arg_of(step, "setfsuid"))) {
    syscall(SYS_setfsuid, (uid_t)number(a));
  } else if (strcmp(step, "sync") == 0) {
    syscall(SYS_sync);
  } else if ((a = arg_of(step, "syncfs"))) {
    on_descriptor(step, a, SYS_syncfs);
  } else if ((a = arg_of(step, "fsync"))) {
    on_descriptor(step, a, SYS_fsync);
  } else if ((a = arg_of(step, "fdatasync"))) {
    on_descriptor(step, a, SYS_fdatasync);
  } else if ((a = arg_of(step, "write"))) {
    const char* kb = strrchr(a, ':');
    if (!kb) fail(step);
    char path[256];
    snprintf(path, sizeof(path), "%.*s", (int)(kb - a), a);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) fail(step);
    static char block[1024];
    memset(block, 'x', sizeof(block));
    for (long i = number(kb + 1); i > 0; --i)
      if (write(fd, block, sizeof(block)) != (ssize_t)sizeof(block)) fail(step);
    close(fd);
  } else if ((a = arg_of(step, "dread"))) {
    direct_reads(step, a);
  } else if ((a = arg_of(step, "resolve"))) {
    struct addrinfo* res = NULL;
    if (getaddrinfo(a, NULL, NULL, &res) == 0) freeaddrinfo(res);
  } else if ((a = arg_of(step, "alloc"))) {
    size_t bytes = (size_t)number(a) << 20;
    char* p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) fail(step);
    for (size_t off = 0; off < bytes; off += 4096) p[off] = 1;
  } else if ((a = arg_of(step, "spin"))) {
    uint64_t end = now_ns() + (uint64_t)number(a) * 1000000u;
    while (now_ns() < end) {
    }
  } else if ((a = arg_of(step, "cpu"))) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET((int)number(a), &set);
    if (sched_setaffinity(0, sizeof(set), &set) != 0) fail(step);
  } else {
    fprintf(stderr, "ss_workload: unknown step '%s'\n", step);
    syscall(SYS_exit_group, 2);
  }
}

int main(int argc, char** argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s COMM STEP...\n", argv[0]);
    return 2;
  }
  if (prctl(PR_SET_NAME, argv[1], 0, 0, 0) != 0) fail("prctl");
  for (int i = 2; i < argc; ++i) {
    char* star = strrchr(argv[i], '*');
    long times = 1;
    if (star && star[1] != '\0' && strspn(star + 1, "0123456789") == strlen(star + 1)) {
      times = number(star + 1);
      *star = '\0';
    }
    for (long n = 0; n < times; ++n) run_step(argv[i]);
  }
  syscall(SYS_exit_group, 0);
  return 0;
}
