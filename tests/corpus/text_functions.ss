// Buffers, string tests, time formats, symbols and stacks.
BEGIN {
  printf("[%r] [%rx] [%rh]\n", buf("ab\x01\xffc", 5), buf(comm), buf(comm, 4));
  printf("%d %d\n", strncmp(comm, "strat", 5), strncmp("abc", "abd", 3));
  $needle = "osh";
  @contains = (strcontains(comm, "tosh"), strcontains(comm, $needle), strcontains(comm, ""));
  time("%H:%M:%S ");
  printf("%s\n", strftime("%Y-%m-%d %H:%M:%S.%f", nsecs));
  printf("%s %s\n", ksym(kaddr("vfs_read")), ksym(kaddr("vfs_read") + 8));
  cat("/proc/%d/comm", pid);
  @stacks[kstack(4)] = count();
  print(kstack);
  exit();
}
