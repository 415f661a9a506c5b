// Test workload: renames itself to COMM, then opens PATH exactly N times.
// Renaming first means every openat the kernel sees under COMM is one of
// ours (the dynamic loader's opens happen under the old name).
//   usage: ss_openat_n PATH N COMM
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s PATH N COMM\n", argv[0]);
    return 2;
  }
  const char* path = argv[1];
  long n = strtol(argv[2], NULL, 10);
  if (prctl(PR_SET_NAME, argv[3], 0, 0, 0) != 0) {
    perror("prctl");
    return 1;
  }
  for (long i = 0; i < n; ++i) {
    int fd = openat(AT_FDCWD, path, O_RDONLY | O_CREAT, 0600);
    if (fd < 0) {
      perror("openat");
      return 1;
    }
    close(fd);
  }
  return 0;
}
