// Test workload: renames itself to COMM, then makes read() calls of known
// sizes on /dev/zero, so tests can predict every value the read
// tracepoints see.
//   usage: ss_read_sizes COMM SPEC...
// SPEC is SIZE (one read of SIZE bytes), SIZExN (N reads of SIZE bytes),
// badxN (N reads of one byte on an invalid descriptor: they fail with
// -EBADF) or pMS (a pause of MS milliseconds, to let the tracer catch up).
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

static char buffer[1 << 20];

int main(int argc, char** argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s COMM SIZE[xN]|badxN|pMS...\n", argv[0]);
    return 2;
  }
  int fd = open("/dev/zero", O_RDONLY);
  if (fd < 0) {
    perror("/dev/zero");
    return 1;
  }
  if (prctl(PR_SET_NAME, argv[1], 0, 0, 0) != 0) {
    perror("prctl");
    return 1;
  }
  for (int i = 2; i < argc; ++i) {
    const char* spec = argv[i];
    if (spec[0] == 'p') {
      usleep((useconds_t)strtoul(spec + 1, NULL, 10) * 1000);
      continue;
    }
    int bad = strncmp(spec, "bad", 3) == 0;
    char* rest = (char*)spec + (bad ? 3 : 0);
    unsigned long size = bad ? 1 : strtoul(spec, &rest, 10);
    long times = 1;
    if (*rest == 'x') times = strtol(rest + 1, &rest, 10);
    if (*rest != '\0' || size > sizeof buffer || times < 0) {
      fprintf(stderr, "bad spec '%s'\n", spec);
      return 2;
    }
    for (long t = 0; t < times; ++t) {
      ssize_t got = read(bad ? -1 : fd, buffer, size);
      if (!bad && got != (ssize_t)size) {
        perror("read");
        return 1;
      }
    }
  }
  close(fd);
  return 0;
}
